package uk.hearth.channel.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import uk.hearth.channel.spi.ChannelInbound;
import uk.hearth.channel.spi.ProviderRequest;
import uk.hearth.channel.spi.Replies;
import uk.hearth.infrastructure.intake.IntakeService;
import uk.hearth.infrastructure.outbox.OutboxDispatcher;
import uk.hearth.message.ChannelUnavailable;
import uk.hearth.message.DeliveryRefused;

/**
 * The generic signed-webhook channels: every {@code hearth.channels.<name>.webhook} block with {@code enabled:
 * true}, each with a route file {@code routes/<name>.camel.yaml} that calls {@link #receive} and {@link #reply}.
 * Configuration is checked when the service starts, and a mistake stops it with the setting's name.
 */
@Component("webhookChannels")
public class WebhookChannels {
    /** Header the route sets to say which channel a request or reply is for. */
    public static final String CHANNEL = "hearthWebhookChannel";
    private static final Logger log = LoggerFactory.getLogger(WebhookChannels.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Block(WebhookSettings webhook) {
    }

    private final Map<String, WebhookChannel> channels = new HashMap<>();
    private final ChannelInbound inbound;

    WebhookChannels(Environment environment, ChannelInbound inbound) {
        this.inbound = inbound;
        Binder.get(environment).bind("hearth.channels", Bindable.mapOf(String.class, Block.class))
                .orElse(Map.of())
                .forEach((name, block) -> {
                    if (block.webhook() != null && block.webhook().enabled()) {
                        channels.put(name, WebhookChannel.configure(name, block.webhook()));
                        log.info("Webhook channel {} is configured at /webhooks/{}", name, name);
                    }
                });
    }

    /** A provider's post: verified, mapped and stored before the answer, which carries the case reference. */
    public void receive(Exchange exchange) {
        WebhookChannel channel = channel(exchange);
        ProviderRequest request = ProviderRequest.from(exchange, channel.signatureHeader());
        String signature = request.header(channel.signatureHeader());
        ChannelInbound.Outcome outcome = inbound.receive(channel.id().value(), request, channel, r -> r, channel);
        if (!outcome.ok()) {
            String detail = outcome.status() != 401 ? outcome.detail() : signature == null
                    ? "Missing " + channel.signatureHeader() + " header" : "Signature does not match the body";
            if (outcome.status() == 503) {
                exchange.getMessage().setHeader("Retry-After", "30");
            }
            answer(exchange, outcome.status(), Map.of("status", outcome.status(), "detail", detail));
            return;
        }
        IntakeService.Received received = outcome.received().get(0);
        Map<String, Object> result = new LinkedHashMap<>();
        received.processed().ifPresentOrElse(p -> {
            result.put("reference", p.reference() == null ? null : p.reference().value());
            result.put("class", p.caseClass() == null ? null : p.caseClass().wireName());
            result.put("status", p.status() == null ? "received" : p.status().wireName());
        }, () -> result.put("status", "received"));
        result.put("duplicate", received.duplicate());
        answer(exchange, 200, result);
    }

    /** Turns the outbox's reply into the provider's request: JSON body from the template, signed, with headers. */
    public void reply(Exchange exchange) {
        WebhookChannel channel = channel(exchange);
        ProviderRequest request = channel.map(Replies.reply(exchange), Replies.replyId(exchange));
        var in = exchange.getIn();
        in.removeHeaders("*", CHANNEL, OutboxDispatcher.OUTBOUND_ID);
        in.setHeader(Exchange.HTTP_METHOD, "POST");
        in.setHeader(Exchange.HTTP_URI, request.url());
        request.headers().forEach(in::setHeader);
        in.setBody(request.body());
    }

    /** The provider's answer to a reply: its id for the message, or why it was not taken. */
    public void answered(Exchange exchange) {
        WebhookChannel channel = channel(exchange);
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String answer = exchange.getMessage().getBody(String.class);
        if (status == 401 || status == 403) {
            throw new ChannelUnavailable(channel.id() + " refused our credentials (HTTP " + status + ")");
        }
        if (status == 429 || status >= 500 || status == 0) {
            throw new IllegalStateException(channel.id() + " answered HTTP " + status + "; will retry");
        }
        if (status >= 400) {
            throw new DeliveryRefused(channel.id() + " refused the reply (HTTP " + status + ")", false);
        }
        try {
            JsonNode json = answer == null || answer.isBlank() ? JSON.nullNode() : JSON.readTree(answer);
            channel.providerId(json).ifPresent(id -> Replies.accepted(exchange, id));
        } catch (JsonProcessingException notJson) {
            log.debug("Webhook channel {} answered a reply with a body that is not JSON", channel.id());
        }
    }

    private WebhookChannel channel(Exchange exchange) {
        String name = exchange.getIn().getHeader(CHANNEL, String.class);
        WebhookChannel channel = name == null ? null : channels.get(name);
        if (channel == null) {
            throw new IllegalStateException("no enabled webhook channel '" + name + "': set hearth.channels." + name
                    + ".webhook.enabled and its settings");
        }
        return channel;
    }

    private static void answer(Exchange exchange, int status, Map<String, Object> body) {
        try {
            exchange.getMessage().setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, status >= 400 ? "application/problem+json"
                : "application/json");
    }
}
