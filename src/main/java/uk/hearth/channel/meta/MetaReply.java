package uk.hearth.channel.meta;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.hearth.channel.spi.ProviderRequest;
import uk.hearth.channel.spi.Replies;
import uk.hearth.infrastructure.outbox.OutboxDispatcher;
import uk.hearth.message.OutboundReply;
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
        OutboundReply reply = Replies.reply(exchange);
        ProviderRequest request = channel.map(reply, Replies.replyId(exchange));
        window.closed(channel.id(), reply.recipient(), clock.instant()).ifPresent(why -> {
            meters.counter("hearth." + name + ".window.closed").increment();
            throw new DeliveryRefused(why, false);
        });
        if (!channel.fit(reply.body().strip()).equals(reply.body().strip())) {
            log.warn("Reply on {} shortened to {}'s limit of {} {}: shorten the template", name, name,
                    channel.maxLength(), channel.lengthInBytes() ? "bytes" : "characters");
        }
        MetaGraphRequests.target(exchange, channel, "POST", request.url());
        exchange.getIn().setBody(request.bodyText());
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
                Replies.accepted(exchange, answer.messageId());
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
