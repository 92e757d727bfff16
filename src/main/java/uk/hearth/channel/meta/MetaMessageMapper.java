package uk.hearth.channel.meta;

import uk.hearth.channel.spi.InboundEvent;
import uk.hearth.channel.spi.Language;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.hearth.message.Attachment;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;
import uk.hearth.message.Sender;

/**
 * One messaging item to a canonical message. The sender's page- (or Instagram-) scoped id is the contact's handle;
 * {@code message.mid} is the external id, so a post Meta retries makes no second case. Attachments keep Meta's link
 * and type; {@link MetaAttachments} copies the files in soon after, before the links expire.
 */
final class MetaMessageMapper {
    static final String RECIPIENT = "meta-recipient";
    static final String STANDBY = "meta-standby";
    static final String STORY = "instagram-story";
    static final String UNSUPPORTED = "meta-unsupported";
    /** External id suffixes: a withdrawal and an edit are events of their own on the same message. */
    static final String DELETED = "#deleted";
    static final String EDIT = "#edit-";


    InboundEvent message(ChannelId channel, JsonNode entry, JsonNode item, boolean standby, Instant receivedAt) {
        JsonNode message = item.path("message");
        String mid = text(message, "mid");
        String sender = text(item.path("sender"), "id");
        if (mid == null || sender == null) {
            return new InboundEvent.Ignored(channel, "message", "a message without an id or a sender");
        }
        Instant at = MetaTimes.sentAt(item.path("timestamp"), entry.path("time"), receivedAt);
        Map<String, String> details = details(item, standby);
        if (message.path("is_deleted").asBoolean(false)) {
            return new InboundEvent.Message(base(channel, mid + DELETED, "", at, sender, item, details)
                    .notice(new Notice(Notice.Kind.WITHDRAWN, "the sender deleted (unsent) their message"))
                    .inReplyTo(List.of(mid))
                    .build());
        }
        String text = message.path("text").asText("");
        List<Attachment> files = new ArrayList<>();
        for (JsonNode attachment : message.path("attachments")) {
            files.add(attachment(attachment));
        }
        List<String> inReplyTo = new ArrayList<>();
        JsonNode replyTo = message.path("reply_to");
        if (text(replyTo, "mid") != null) {
            inReplyTo.add(text(replyTo, "mid"));
        }
        JsonNode story = replyTo.path("story");
        if (story.isObject()) {
            details.put(STORY, "a reply to our story");
            String url = text(story, "url");
            if (url != null) {
                files.add(Attachment.linked(MetaAttachments.nameFor("story", url), "story", url));
            }
        }
        if (files.stream().anyMatch(f -> "story_mention".equals(f.contentType()))) {
            details.put(STORY, "mentioned us in their story");
        }
        if (message.path("is_unsupported").asBoolean(false)) {
            details.put(UNSUPPORTED, "Meta could not pass this message on (a type it does not deliver to apps):"
                    + " ask the resident what they sent");
        }
        return new InboundEvent.Message(base(channel, mid, text, at, sender, item, details)
                .attachments(files)
                .inReplyTo(inReplyTo)
                .build());
    }

    /** The resident changed a message: kept as a message of its own in the thread of the one it replaces. */
    InboundEvent edit(ChannelId channel, JsonNode entry, JsonNode item, boolean standby, Instant receivedAt) {
        JsonNode edit = item.path("message_edit");
        String mid = text(edit, "mid");
        String sender = text(item.path("sender"), "id");
        if (mid == null || sender == null) {
            return new InboundEvent.Ignored(channel, "message_edit", "an edit without a message id or a sender");
        }
        Instant at = MetaTimes.sentAt(item.path("timestamp"), entry.path("time"), receivedAt);
        Map<String, String> details = details(item, standby);
        details.put("edited", "replaces an earlier message; edit " + edit.path("num_edit").asInt(1));
        return new InboundEvent.Message(base(channel, mid + EDIT + edit.path("num_edit").asInt(1),
                edit.path("text").asText(""), at, sender, item, details)
                .inReplyTo(List.of(mid))
                .build());
    }

    private static InboundMessage.Builder base(ChannelId channel, String externalId, String text, Instant at,
                                               String sender, JsonNode item, Map<String, String> details) {
        return InboundMessage.builder(channel, externalId, text, at)
                .sender(new Sender(null, null, null, sender))
                .language(Language.guess(text))
                .raw(item.toString())
                .details(details);
    }

    private static Map<String, String> details(JsonNode item, boolean standby) {
        Map<String, String> details = new LinkedHashMap<>();
        String recipient = text(item.path("recipient"), "id");
        if (recipient != null) {
            details.put(RECIPIENT, recipient);
        }
        if (standby) {
            details.put(STANDBY, "delivered on standby: another app holds this conversation");
        }
        return details;
    }

    private static Attachment attachment(JsonNode attachment) {
        String type = attachment.path("type").asText("file");
        JsonNode payload = attachment.path("payload");
        String url = text(payload, "url");
        if (url != null) {
            return Attachment.linked(MetaAttachments.nameFor(type, url), type, url);
        }
        JsonNode at = payload.path("coordinates");
        if (at.isObject()) {
            return Attachment.notKept("location", "location", -1, "a shared location: "
                    + at.path("lat").asText() + ", " + at.path("long").asText());
        }
        String title = text(attachment, "title");
        return Attachment.notKept(type, type, -1, title == null ? "no link to the content" : title);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }
}
