package uk.hearth.channel.twilio;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health component "twilio": whether SMS and WhatsApp are configured, and how the last send went. It calls nothing
 * at Twilio (a health probe should not cost API requests); a send Twilio refused for our credentials or sender makes
 * it DOWN until a send succeeds. Not configured is UNKNOWN, not DOWN: the service runs without Twilio, and replies
 * for SMS and WhatsApp wait in the outbox.
 */
final class TwilioHealthIndicator implements HealthIndicator {
    private final TwilioProperties settings;
    private final Clock clock;
    private final AtomicReference<Instant> lastSent = new AtomicReference<>();
    private final AtomicReference<String> unavailable = new AtomicReference<>();
    private final AtomicReference<Instant> unavailableSince = new AtomicReference<>();

    TwilioHealthIndicator(TwilioProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    void sent() {
        lastSent.set(clock.instant());
        unavailable.set(null);
        unavailableSince.set(null);
    }

    void unavailable(String why) {
        unavailableSince.compareAndSet(null, clock.instant());
        unavailable.set(why);
    }

    @Override
    public Health health() {
        Health.Builder health = !settings.hasCredentials() ? Health.unknown()
                : unavailable.get() != null ? Health.down() : Health.up();
        health.withDetail("configured", settings.hasCredentials())
                .withDetail("sms", settings.canSendSms() ? "configured" : "not configured")
                .withDetail("whatsapp", !settings.canSendWhatsApp() ? "not configured"
                        : settings.hasWhatsAppTemplate() ? "configured, with a template for outside the 24-hour window"
                        : "configured, no template: outside the 24-hour window replies go by another channel")
                .withDetail("apiBaseUrl", settings.apiBaseUrl());
        if (!settings.hasCredentials()) {
            health.withDetail("reason", "hearth.twilio.account-sid and auth-token are not set: SMS and WhatsApp"
                    + " webhooks are refused and replies wait in the outbox");
        }
        if (lastSent.get() != null) {
            health.withDetail("lastSent", lastSent.get().toString());
        }
        if (unavailable.get() != null) {
            health.withDetail("error", unavailable.get()).withDetail("since", String.valueOf(unavailableSince.get()));
        }
        return health.build();
    }
}
