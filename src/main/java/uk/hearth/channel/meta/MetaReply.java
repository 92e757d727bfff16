package uk.hearth.channel.meta;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.hearth.infrastructure.outbox.OutboxDispatcher;
import uk.hearth.message.ChannelUnavailable;
import uk.hearth.message.DeliveryRefused;

/**
 * The two ends of the {@code meta-send} route around the Send API call. {@link #prepare} decides whether we may
 * send at all (configured, token not rejected, inside Meta's messaging window) and writes the request;
 * {@link #interpret} turns Graph's answer into what the outbox understands: sent with Meta's message id, refused
 * for good, the channel unavailable, or a failure to retry with backoff.
 */
public final class MetaReply {
    private static final Logger log = LoggerFactory.getLogger(MetaReply.class);
    /** Jackson 2: the request is written inside a Camel route. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetaChannels channels;
    private final MetaMessagingWindow window;
    private final Clock clock;
    private final MeterRegistry meters;

    MetaReply(MetaChannels channels, MetaMessagingWindow window, Clock clock, MeterRegistry meters) {
        this.channels = channels;
        this.window = window;
        this.clock = clock;
        this.meters = meters;
    }

    /** A send that failed in a way worth retrying: rate limits, Meta's own errors, anything not understood. */
    static final class SendFailed extends RuntimeException {
        SendFailed(String message) {
            super(message);
        }
    }

    public void prepare(Exchange exchange) {
        String name = exchange.getIn().getHeader(OutboxDispatcher.CHANNEL, String.class);
        MetaChannelStatus status = channels.byName(name)
                .orElseThrow(() -> new IllegalStateException("not a Meta channel: " + name));
        MetaChannel channel = status.channel();
        if (!channel.configured()) {
            throw new ChannelUnavailable(name + " is not configured: set " + String.join(" and ", channel.missing()));
        }
        status.rejection().ifPresent(r -> {
            throw new ChannelUnavailable("Meta rejected the " + name + " access token at "
                    + MetaTimes.human(r.since(), ZoneOffset.UTC) + " ("
                    + r.reason() + "); waiting for a token check to succeed");
        });
        String recipient = exchange.getIn().getHeader(OutboxDispatcher.RECIPIENT, String.class);
        if (recipient == null || recipient.isBlank()) {
            throw new DeliveryRefused("no " + name + " id to send to", false);
        }
        window.closed(channel.id(), recipient, clock.instant()).ifPresent(why -> {
            meters.counter("hearth." + name + ".window.closed").increment();
            throw new DeliveryRefused(why, false);
        });
        String text = exchange.getIn().getBody(String.class);
        String fitted = channel.fit(text == null ? "" : text.strip());
        if (!fitted.equals(text == null ? "" : text.strip())) {
            log.warn("Reply on {} shortened to {}'s limit of {} {}: shorten the template", name, name,
                    channel.maxLength(), channel.lengthInBytes() ? "bytes" : "characters");
        }
        ObjectNode request = JSON.createObjectNode();
        request.putObject("recipient").put("id", recipient);
        request.put("messaging_type", "RESPONSE");
        request.putObject("message").put("text", fitted);
        MetaGraphRequests.target(exchange, channel, "POST", channel.sendUrl());
        exchange.getIn().setBody(request.toString());
    }

    public void interpret(Exchange exchange) {
        MetaChannelStatus status = MetaGraphRequests.channel(exchange, channels);
        String name = status.channel().id().value();
        Integer code = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        GraphAnswer answer = GraphAnswer.of(code == null ? 0 : code, exchange.getIn().getBody(String.class));
        meters.counter("hearth." + name + ".graph", "answer", answer.kind().name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        switch (answer.kind()) {
            case SENT -> {
                status.tokenAccepted();
                exchange.getIn().setHeader(OutboxDispatcher.PROVIDER_ID, answer.messageId());
            }
            case TOKEN_REJECTED -> {
                status.tokenRejected(answer.detail());
                throw new ChannelUnavailable("Meta rejected the " + name + " access token: " + answer.detail());
            }
            case REFUSED -> throw new DeliveryRefused(answer.detail(), false);
            case RETRY -> throw new SendFailed(answer.detail());
        }
    }
}
