package uk.hearth.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.hearth.channel.spi.InboundEvent;
import uk.hearth.channel.spi.InboundMapper;
import uk.hearth.channel.spi.Language;
import uk.hearth.message.Attachment;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Sender;

/**
 * A Telegram {@code Update} as Hearth's canonical message. Only a person writing to the bot in a private chat makes
 * a message: groups and channels are public, bots are not residents, and other updates (button presses, membership
 * changes) carry nothing to act on. The chat id is the resident's handle, where replies go. An edit is kept as a
 * message of its own in the thread of the one it changes; a reply to one of our messages threads on it.
 */
final class TelegramMapper implements InboundMapper<JsonNode> {
    static final ChannelId TELEGRAM = ChannelId.of("telegram");
    private static final String[] FILES = {"document", "audio", "voice", "video", "video_note", "sticker"};

    @Override
    public List<InboundEvent> map(JsonNode update, Instant receivedAt) {
        if (update == null || !update.isObject() || !update.has("update_id")) {
            throw new IllegalArgumentException("Not a Telegram update: no update_id");
        }
        boolean edit = update.has("edited_message");
        JsonNode message = edit ? update.path("edited_message") : update.path("message");
        if (message.isMissingNode()) {
            Iterator<String> names = update.fieldNames();
            String kind = "unknown";
            while (names.hasNext()) {
                String name = names.next();
                if (!"update_id".equals(name)) {
                    kind = name;
                }
            }
            return List.of(new InboundEvent.Ignored(TELEGRAM, kind, "not a message to the bot"));
        }
        JsonNode chat = message.path("chat");
        if (!"private".equals(chat.path("type").asText())) {
            return List.of(new InboundEvent.Ignored(TELEGRAM, "chat:" + chat.path("type").asText(),
                    "a group or channel is public, not a private message"));
        }
        if (message.path("from").path("is_bot").asBoolean(false)) {
            return List.of(new InboundEvent.Ignored(TELEGRAM, "bot", "written by a bot, not a resident"));
        }
        String chatId = chat.path("id").asText("");
        String messageId = message.path("message_id").asText("");
        if (chatId.isEmpty() || messageId.isEmpty()) {
            throw new IllegalArgumentException("A Telegram message without a chat id or message_id");
        }
        String text = message.has("text") ? message.path("text").asText() : message.path("caption").asText("");
        Instant sent = message.has("date") ? Instant.ofEpochSecond(message.path("date").asLong()) : receivedAt;
        String ours = id(chatId, messageId);
        List<String> thread = new ArrayList<>();
        String externalId = ours;
        if (edit) {
            long editedAt = message.path("edit_date").asLong(sent.getEpochSecond());
            externalId = ours + "#edit-" + editedAt;
            thread.add(ours);
            sent = Instant.ofEpochSecond(editedAt);
        } else if (message.has("reply_to_message")) {
            thread.add(id(chatId, message.path("reply_to_message").path("message_id").asText()));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put(InboundMessage.MESSAGE_ID, externalId);
        JsonNode from = message.path("from");
        if (from.hasNonNull("username")) {
            details.put("telegram-username", from.path("username").asText());
        }
        if (edit) {
            details.put("edited", "the resident edited an earlier message");
        }
        String code = from.path("language_code").asText("").toLowerCase(Locale.ROOT);
        return InboundEvent.message(InboundMessage.builder(TELEGRAM, externalId, text, sent)
                .source("telegram")
                .sender(new Sender(name(from), null, null, chatId))
                .language(code.startsWith("cy") ? "cy" : Language.guess(text))
                .attachments(files(message))
                .inReplyTo(thread)
                .details(details)
                .raw(message.toString())
                .build());
    }

    /** The id Hearth keeps for a message in a chat; our own replies are recorded the same way, so replies thread. */
    static String id(String chatId, String messageId) {
        return "telegram:" + chatId + ":" + messageId;
    }

    private static String name(JsonNode from) {
        String name = (from.path("first_name").asText("") + " " + from.path("last_name").asText("")).strip();
        return name.isEmpty() ? null : name;
    }

    /** Files stay with Telegram (fetching needs the bot token); the case lists what was sent. */
    private static List<Attachment> files(JsonNode message) {
        List<Attachment> files = new ArrayList<>();
        if (message.has("photo")) {
            JsonNode sizes = message.path("photo");
            JsonNode largest = sizes.get(sizes.size() - 1);
            files.add(Attachment.notKept("photo.jpg", "image/jpeg", largest == null ? 0 : largest.path("file_size")
                    .asLong(0), "kept by Telegram (file_id " + (largest == null ? "?" : largest.path("file_id").asText())
                    + ")"));
        }
        for (String kind : FILES) {
            JsonNode file = message.path(kind);
            if (!file.isMissingNode()) {
                files.add(Attachment.notKept(file.path("file_name").asText(kind), file.path("mime_type")
                        .asText("application/octet-stream"), file.path("file_size").asLong(0),
                        "kept by Telegram (file_id " + file.path("file_id").asText() + ")"));
            }
        }
        return files;
    }
}
