package uk.hearth.channel.telegram;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health component "telegram": UP once configured, with the last successful send; DOWN while Telegram refuses the
 * bot's token (until a send succeeds again). It calls nothing at Telegram.
 */
final class TelegramHealthIndicator implements HealthIndicator {
    private final Clock clock;
    private final AtomicReference<Instant> lastSent = new AtomicReference<>();
    private final AtomicReference<String> unavailable = new AtomicReference<>();

    TelegramHealthIndicator(Clock clock) {
        this.clock = clock;
    }

    void sent() {
        lastSent.set(clock.instant());
        unavailable.set(null);
    }

    void unavailable(String why) {
        unavailable.set(why);
    }

    @Override
    public Health health() {
        String why = unavailable.get();
        Health.Builder health = why == null ? Health.up() : Health.down().withDetail("problem", why);
        Instant sent = lastSent.get();
        return health.withDetail("webhook", "/webhooks/telegram")
                .withDetail("lastSent", sent == null ? "never" : sent.toString()).build();
    }
}
