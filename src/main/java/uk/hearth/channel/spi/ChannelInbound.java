package uk.hearth.channel.spi;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import uk.hearth.infrastructure.Redaction;
import uk.hearth.infrastructure.intake.IntakeService;
import uk.hearth.infrastructure.persistence.JdbcOutbox;

/**
 * What a webhook channel does with a provider's request, the same way for every channel: verify it, read it, map
 * it, then store each message (before the answer, so a 2xx means it is in the database), apply each receipt to the
 * message it names, and count what was left alone. The channel turns the {@link Outcome} into its provider's answer.
 *
 * <p>Metrics: {@code hearth.channel.inbound{channel, outcome}} with outcome {@code stored}, {@code duplicate},
 * {@code receipt}, {@code ignored}, {@code refused} (verifier), {@code unreadable} or {@code unavailable} (database).
 */
@Component
public class ChannelInbound {
    private static final Logger log = LoggerFactory.getLogger(ChannelInbound.class);

    private final IntakeService intake;
    private final JdbcOutbox outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    ChannelInbound(IntakeService intake, JdbcOutbox outbox, MeterRegistry meters, Clock clock) {
        this.intake = intake;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /** How the channel's route reads a verified request into the mapper's payload. */
    @FunctionalInterface
    public interface Reader<P> {
        /** @throws IllegalArgumentException saying why the request cannot be read (answered 400) */
        P read(ProviderRequest request);
    }

    /**
     * @param status   what to answer: 200 stored (or nothing to store), 400 unreadable, 401 refused, 503 the database
     *                 could not take it (nothing stored; the provider should retry)
     * @param detail   for a 4xx or 5xx, why, in words safe to send back (never the request's content)
     * @param received the messages stored, in order
     */
    public record Outcome(int status, String detail, List<IntakeService.Received> received) {
        public boolean ok() {
            return status == 200;
        }
    }

    public <P> Outcome receive(String channel, ProviderRequest request, RequestVerifier verifier, Reader<P> reader,
                               InboundMapper<P> mapper) {
        if (verifier != null && !verifier.verify(request)) {
            count(channel, "refused");
            return new Outcome(401, "The request is not signed by the provider", List.of());
        }
        List<InboundEvent> events;
        try {
            events = mapper.map(reader.read(request), clock.instant());
        } catch (IllegalArgumentException unreadable) {
            count(channel, "unreadable");
            return new Outcome(400, unreadable.getMessage(), List.of());
        }
        List<IntakeService.Received> stored = new ArrayList<>();
        try {
            for (InboundEvent event : events) {
                if (event instanceof InboundEvent.Message m) {
                    IntakeService.Received received = intake.receive(m.message());
                    stored.add(received);
                    count(channel, received.duplicate() ? "duplicate" : "stored");
                } else if (event instanceof InboundEvent.Receipt r) {
                    r.providerIds().forEach(id -> outbox.recordDelivery(id, r.state(), null));
                    count(channel, "receipt");
                } else if (event instanceof InboundEvent.Ignored i) {
                    count(channel, "ignored");
                    log.debug("{}: left alone: {} ({})", channel, i.kind(), i.reason());
                }
            }
        } catch (DataAccessException | TransactionException down) {
            count(channel, "unavailable");
            log.error("{}: database unavailable, nothing more stored from this request: {}", channel,
                    Redaction.mask(down.toString()));
            return new Outcome(503, "Nothing was stored; please retry", stored);
        }
        return new Outcome(200, null, stored);
    }

    private void count(String channel, String outcome) {
        meters.counter("hearth.channel.inbound", "channel", channel, "outcome", outcome).increment();
    }
}
