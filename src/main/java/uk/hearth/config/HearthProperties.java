package uk.hearth.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Everything under {@code hearth.*} except the policy profile, which has a file of its own. */
@ConfigurationProperties("hearth")
public record HearthProperties(@DefaultValue("code") String policy,
                               @DefaultValue("HRT") String referencePrefix,
                               @DefaultValue("http://localhost:8080") String publicBaseUrl,
                               @DefaultValue("config/templates") Path templatesDir,
                               @DefaultValue Calendar calendar,
                               @DefaultValue Retry intake,
                               @DefaultValue Outbox outbox,
                               @DefaultValue Security security) {

    public record Calendar(@DefaultValue("config/bank-holidays-england-and-wales.csv") Path bankHolidaysFile,
                           @DefaultValue("Europe/London") ZoneId zone,
                           @DefaultValue("09:00") LocalTime workStart,
                           @DefaultValue("17:00") LocalTime workEnd) {
    }

    /** Backoff doubles from {@code firstDelay} up to {@code maxDelay}; after {@code maxAttempts} we give up. */
    public record Retry(@DefaultValue("8") int maxAttempts,
                        @DefaultValue("30s") Duration firstDelay,
                        @DefaultValue("1h") Duration maxDelay) {

        public Duration delayAfter(int attempts) {
            long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
            Duration delay = firstDelay.multipliedBy(factor);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    public record Outbox(@DefaultValue("50") int batchSize,
                         @DefaultValue("5m") Duration claimTimeout,
                         @DefaultValue Retry retry) {
    }

    public record Security(@DefaultValue List<ApiKey> apiKeys, @DefaultValue List<StaffUser> staffUsers) {
    }

    public record ApiKey(String name, String key) {
    }

    /** {@code password} is a bcrypt hash, e.g. {@code {bcrypt}$2a$10$...}. */
    public record StaffUser(String username, String password) {
    }
}
