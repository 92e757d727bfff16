package uk.hearth.channel.spi;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import uk.hearth.infrastructure.outbox.OutboxDispatcher;
import uk.hearth.message.ChannelId;
import uk.hearth.message.OutboundReply;

/** What a reply route on {@code direct:reply-<name>} receives from the outbox, and what it hands back. */
public final class Replies {
    private Replies() {
    }

    /** The reply the outbox handed to the route. */
    public static OutboundReply reply(Exchange exchange) {
        Message in = exchange.getIn();
        return new OutboundReply(ChannelId.of(in.getHeader(OutboxDispatcher.CHANNEL, String.class)),
                in.getHeader(OutboxDispatcher.RECIPIENT, String.class), in.getHeader(OutboxDispatcher.SUBJECT, String.class),
                in.getBody(String.class), in.getHeader(OutboxDispatcher.IN_REPLY_TO, String.class));
    }

    /** Hearth's id for the outbound message: stable across retries. */
    public static String replyId(Exchange exchange) {
        return exchange.getIn().getHeader(OutboxDispatcher.OUTBOUND_ID, String.class);
    }

    /** The provider's id for what it accepted, so its receipts can find the message. */
    public static void accepted(Exchange exchange, String providerId) {
        if (providerId != null) {
            exchange.getMessage().setHeader(OutboxDispatcher.PROVIDER_ID, providerId);
        }
    }
}
