package uk.hearth.channel.twilio;

import org.apache.camel.Exchange;
import uk.hearth.channel.spi.Replies;

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
        Replies.accepted(exchange, outbound.send(Replies.reply(exchange), Replies.replyId(exchange)));
    }
}
