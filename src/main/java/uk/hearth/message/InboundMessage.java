package uk.hearth.message;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One message from a resident, channel-neutral. Channel mappers build it from a provider's payload
 * (with {@link #builder}); nothing after the mapper knows which provider it came from.
 *
 * @param channel          the channel it arrived on
 * @param source           who handed it to us within the channel (an API key's name, a staff user, a mailbox);
 *                         external ids are unique per channel and source
 * @param externalId       the provider's id for the message, used to drop retries
 * @param sender           who wrote
 * @param onBehalfOf       the tenant, when the sender writes for someone else; null otherwise
 * @param preferredContact the channel the resident wants to hear back on; null to answer where it came from
 * @param madeVia          for messages staff record: how the resident made it (in_person, phone, letter)
 * @param language         "en" or "cy": acknowledgements follow it
 * @param attachments      files, pictures and media that came with it
 * @param inReplyTo        provider ids of earlier messages this one answers (email thread headers, a quoted
 *                         reply): a message in the thread of a case joins that case
 * @param details          what the channel knows that the case should keep (a WhatsApp profile name, an
 *                         email's Message-ID), as label and value
 * @param notice           null for a message from a person; otherwise why nobody should answer it (an
 *                         auto-reply, a bounce, a withdrawn message): it is noted on its case, never acknowledged
 */
public record InboundMessage(ChannelId channel, String source, String externalId, Sender sender,
                             OnBehalfOf onBehalfOf, ChannelId preferredContact, String subject, String text,
                             Instant receivedAt, String language, String madeVia, String raw,
                             List<Attachment> attachments, List<String> inReplyTo, Map<String, String> details,
                             Notice notice) {

    /** Label in {@link #details} of the provider's message id, when it is not the external id. */
    public static final String MESSAGE_ID = "message-id";

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        // NUL is not text: PostgreSQL refuses it and no resident meant it (broken mail charsets carry it).
        text = withoutNul(text);
        subject = withoutNul(subject);
        raw = withoutNul(raw);
        source = source == null ? "" : source;
        sender = sender == null ? Sender.anonymous() : sender;
        language = "cy".equals(language) ? "cy" : "en";
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        inReplyTo = inReplyTo == null ? List.of() : List.copyOf(inReplyTo);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    private static String withoutNul(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
    }

    public static Builder builder(ChannelId channel, String externalId, String text, Instant receivedAt) {
        return new Builder(channel, externalId, text, receivedAt);
    }

    /**
     * The provider's own id of the message, which replies in its thread name: {@link #MESSAGE_ID} in the details
     * (an email's Message-ID) where it differs from the external id the inbox deduplicates on.
     */
    public String messageId() {
        return details.getOrDefault(MESSAGE_ID, externalId);
    }

    public boolean writtenForSomeoneElse() {
        return onBehalfOf != null;
    }

    /** True for a message from a person that may need an answer; false for auto-replies, bounces and the like. */
    public boolean actionable() {
        return notice == null;
    }

    /** Builds a message; everything but the channel, id, text and time is optional. */
    public static final class Builder {
        private final ChannelId channel;
        private final String externalId;
        private final String text;
        private final Instant receivedAt;
        private String source;
        private Sender sender;
        private OnBehalfOf onBehalfOf;
        private ChannelId preferredContact;
        private String subject;
        private String language;
        private String madeVia;
        private String raw;
        private List<Attachment> attachments;
        private List<String> inReplyTo;
        private Map<String, String> details;
        private Notice notice;

        private Builder(ChannelId channel, String externalId, String text, Instant receivedAt) {
            this.channel = channel;
            this.externalId = externalId;
            this.text = text;
            this.receivedAt = receivedAt;
        }

        public Builder source(String value) { source = value; return this; }

        public Builder sender(Sender value) { sender = value; return this; }

        public Builder onBehalfOf(OnBehalfOf value) { onBehalfOf = value; return this; }

        public Builder preferredContact(ChannelId value) { preferredContact = value; return this; }

        public Builder subject(String value) { subject = value; return this; }

        public Builder language(String value) { language = value; return this; }

        public Builder madeVia(String value) { madeVia = value; return this; }

        public Builder raw(String value) { raw = value; return this; }

        public Builder attachments(List<Attachment> value) { attachments = value; return this; }

        public Builder inReplyTo(List<String> value) { inReplyTo = value; return this; }

        public Builder details(Map<String, String> value) { details = value; return this; }

        public Builder notice(Notice value) { notice = value; return this; }

        public InboundMessage build() {
            return new InboundMessage(channel, source, externalId, sender, onBehalfOf, preferredContact, subject, text,
                    receivedAt, language, madeVia, raw, attachments, inReplyTo, details, notice);
        }
    }
}
