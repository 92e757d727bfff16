package uk.hearth.channel.meta;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import uk.hearth.infrastructure.Redaction;

/**
 * Health component {@code messenger} or {@code instagram}. UNKNOWN while the channel is not configured (so an
 * install without Meta stays healthy); DOWN from the moment Meta rejects the access token (Graph error 190) until
 * a token check or a send succeeds again; UP otherwise. While DOWN no reply is attempted: they wait in the outbox.
 */
final class MetaChannelStatus implements HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(MetaChannelStatus.class);

    private final MetaChannel channel;
    private final Clock clock;
    private final AtomicReference<Rejection> rejection = new AtomicReference<>();

    record Rejection(Instant since, String reason) {
    }

    MetaChannelStatus(MetaChannel channel, Clock clock) {
        this.channel = channel;
        this.clock = clock;
    }

    MetaChannel channel() {
        return channel;
    }

    Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection.get());
    }

    void tokenRejected(String reason) {
        if (rejection.compareAndSet(null, new Rejection(clock.instant(), reason))) {
            log.error("Meta rejected the {} access token ({}): replies on {} wait until a token check succeeds",
                    channel.id(), Redaction.mask(reason), channel.id());
        }
    }

    void tokenAccepted() {
        Rejection was = rejection.getAndSet(null);
        if (was != null) {
            log.info("Meta accepts the {} access token again (rejected since {}): replies resume", channel.id(),
                    was.since());
        }
    }

    @Override
    public Health health() {
        if (!channel.configured()) {
            return Health.unknown().withDetail("configured", false)
                    .withDetail("missing", String.join(", ", channel.missing())).build();
        }
        Rejection down = rejection.get();
        if (down != null) {
            return Health.down().withDetail("configured", true).withDetail("token", "rejected by Meta")
                    .withDetail("since", down.since().toString()).withDetail("error", down.reason()).build();
        }
        return Health.up().withDetail("configured", true).withDetail("graphApi", channel.graphUrl()).build();
    }
}
