package uk.hearth.channel.twilio;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import uk.hearth.infrastructure.outbox.OutboxDispatcher;
import uk.hearth.message.ChannelId;

/**
 * The Camel side of the {@code sms-reply} and {@code whatsapp-reply} routes: the outbox's canonical headers in,
 * Twilio's message SID out ({@code hearthProviderId}), so status callbacks and WhatsApp replies find the message.
 */
public final class TwilioSender {
    private final TwilioOutbound outbound;

    TwilioSender(TwilioOutbound outbound) {
        this.outbound = outbound;
    }

    public void send(Exchange exchange) {
        Message in = exchange.getMessage();
        String sid = outbound.send(ChannelId.of(in.getHeader(OutboxDispatcher.CHANNEL, String.class)),
                in.getHeader(OutboxDispatcher.RECIPIENT, String.class), in.getBody(String.class),
                in.getHeader(OutboxDispatcher.OUTBOUND_ID, Long.class));
        in.setHeader(OutboxDispatcher.PROVIDER_ID, sid);
    }
}
