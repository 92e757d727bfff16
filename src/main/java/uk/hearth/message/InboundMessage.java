package uk.hearth.message;

import java.time.Instant;
import java.util.Objects;

/**
 * One message from a resident, channel-neutral. Channel mappers build it from a provider's payload;
 * nothing after the mapper knows which provider it came from.
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
 */
public record InboundMessage(ChannelId channel, String source, String externalId, Sender sender,
                             OnBehalfOf onBehalfOf, ChannelId preferredContact, String subject, String text,
                             Instant receivedAt, String language, String madeVia, String raw) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        source = source == null ? "" : source;
        sender = sender == null ? Sender.anonymous() : sender;
        language = "cy".equals(language) ? "cy" : "en";
    }

    public boolean writtenForSomeoneElse() {
        return onBehalfOf != null;
    }
}
