package uk.hearth.channel.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;

/** One thing a provider told us: a resident's message, a receipt for one of ours, or something we leave alone. */
public sealed interface InboundEvent {

    /** A message for the inbox: it opens or continues a case, or (when not actionable) is kept as a notice. */
    record Message(InboundMessage message) implements InboundEvent {
        public Message {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The provider saying how far our messages got to the resident: those it names in {@code providerIds}, or all
     * sent to the resident up to {@code upTo}.
     *
     * @param state     "delivered" or "read"
     * @param recipient the resident's address on the channel
     * @param upTo      null when the receipt names its messages
     */
    record Receipt(ChannelId channel, String state, String recipient, List<String> providerIds, Instant upTo)
            implements InboundEvent {
        public Receipt {
            providerIds = providerIds == null ? List.of() : List.copyOf(providerIds);
        }
    }

    /**
     * Something that makes no case and changes no message (an echo of our own, a reaction, a typing indicator).
     *
     * @param channel null when the payload does not say which channel it is
     * @param kind    what it was, for metrics and logs
     * @param reason  why it is left alone
     */
    record Ignored(ChannelId channel, String kind, String reason) implements InboundEvent {
    }

    static List<InboundEvent> message(InboundMessage message) {
        return List.of(new Message(message));
    }

    /** The message of a mapper that maps one payload to exactly one message (a text, a mail, a portal post). */
    static InboundMessage onlyMessage(List<InboundEvent> events) {
        if (events.size() != 1 || !(events.get(0) instanceof Message m)) {
            throw new IllegalStateException("expected one message, the mapper gave " + events);
        }
        return m.message();
    }
}
