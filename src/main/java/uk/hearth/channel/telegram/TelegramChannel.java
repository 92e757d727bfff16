package uk.hearth.channel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.apache.camel.Exchange;
import uk.hearth.channel.spi.ChannelInbound;
import uk.hearth.channel.spi.ProviderRequest;
import uk.hearth.channel.spi.Replies;
import uk.hearth.message.ChannelUnavailable;
import uk.hearth.message.DeliveryRefused;
import uk.hearth.message.OutboundReply;

/**
 * The Camel side of {@code routes/telegram.camel.yaml}: an update in (verified, mapped and stored before the 200 that
 * stops Telegram retrying it), a reply out through {@code sendMessage}, and Telegram's answer read back.
 */
public final class TelegramChannel {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChannelInbound inbound;
    private final TelegramVerifier verifier;
    private final TelegramMapper mapper = new TelegramMapper();
    private final TelegramReplies replies;
    private final TelegramHealthIndicator health;
    private final MeterRegistry meters;

    TelegramChannel(TelegramProperties properties, ChannelInbound inbound, TelegramHealthIndicator health,
                    MeterRegistry meters) {
        properties.check();
        this.inbound = inbound;
        this.verifier = new TelegramVerifier(properties.secretToken());
        this.replies = new TelegramReplies(properties.sendMessageUrl());
        this.health = health;
        this.meters = meters;
    }

    public void receive(Exchange exchange) {
        ChannelInbound.Outcome outcome = inbound.receive(TelegramMapper.TELEGRAM.value(),
                ProviderRequest.from(exchange, TelegramVerifier.HEADER), verifier,
                TelegramChannel::read, mapper);
        exchange.getMessage().removeHeaders("*");
        if (outcome.status() == 503) {
            exchange.getMessage().setHeader("Retry-After", "30");
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, outcome.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
        exchange.getMessage().setBody(outcome.ok() ? "OK" : outcome.detail());
    }

    private static JsonNode read(ProviderRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new IllegalArgumentException("The body is not JSON");
        }
    }

    /** The outbox's reply as the Bot API request; nothing of ours travels as a header but the content type. */
    public void reply(Exchange exchange) {
        OutboundReply reply = Replies.reply(exchange);
        ProviderRequest request = replies.map(reply, Replies.replyId(exchange));
        exchange.setProperty("hearthTelegramChat", reply.recipient());
        var in = exchange.getIn();
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_METHOD, "POST");
        in.setHeader(Exchange.HTTP_URI, request.url());
        in.setHeader(Exchange.CONTENT_TYPE, request.header("Content-Type"));
        in.setBody(request.body());
    }

    /**
     * Telegram's answer: sent (its message id, kept so a resident's reply to it threads), refused for good (the
     * resident blocked the bot, or the chat is gone), the bot's token refused (the channel waits), or retry.
     */
    public void answered(Exchange exchange) {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String chat = exchange.getProperty("hearthTelegramChat", String.class);
        meters.counter("hearth.telegram.sent", "status", String.valueOf(status)).increment();
        if (status == 401 || status == 404) {
            health.unavailable("Telegram refused the bot token (HTTP " + status + ")");
            throw new ChannelUnavailable("Telegram refused the bot token (HTTP " + status + ")");
        }
        if (status == 403) {
            throw new DeliveryRefused("the resident has blocked the bot or left the chat", true);
        }
        if (status == 429 || status >= 500 || status == 0) {
            throw new IllegalStateException("Telegram answered HTTP " + status + "; will retry");
        }
        if (status >= 400) {
            throw new DeliveryRefused("Telegram refused the message (HTTP " + status + ")", false);
        }
        health.sent();
        try {
            JsonNode answer = JSON.readTree(exchange.getMessage().getBody(String.class));
            JsonNode id = answer.path("result").path("message_id");
            if (!id.isMissingNode()) {
                Replies.accepted(exchange, TelegramMapper.id(chat, id.asText()));
            }
        } catch (JsonProcessingException | IllegalArgumentException notJson) {
            // sent all the same; without its id a reply to it starts a conversation of its own
        }
    }
}
