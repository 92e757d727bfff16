package uk.hearth.infrastructure.schedule;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearth.scheduler.*}: what the scheduled jobs do. When they run is each job's {@code cron}, read by
 * {@code routes/scheduled.camel.yaml}.
 */
@ConfigurationProperties("hearth.scheduler")
public record SchedulerProperties(@DefaultValue Watchdog watchdog,
                                  @DefaultValue Alerts alerts,
                                  @DefaultValue ConsentChase consentChase,
                                  @DefaultValue Retention retention) {

    /**
     * @param warnBefore         how long before an acknowledgement or response deadline staff are warned
     * @param makeSafeWarnBefore the same for a hazard's make-safe deadline, which is hours, not days, away
     * @param figuresMaxAge      how old the due and overdue gauges may be before a read recounts them
     */
    public record Watchdog(@DefaultValue("1d") Duration warnBefore,
                           @DefaultValue("4h") Duration makeSafeWarnBefore,
                           @DefaultValue("60s") Duration figuresMaxAge) {
    }

    /**
     * Where staff warnings go: an email address, a webhook URL (HTTP POST of JSON), or both. With neither,
     * nobody can be warned and the watchdog only keeps the figures.
     *
     * @param maxAttempts  tries per warning and way (one per watchdog run) before it is FAILED on the case
     * @param claimTimeout after this, a delivery claimed by a node that died is taken over
     */
    public record Alerts(String email,
                         String webhookUrl,
                         @DefaultValue("12") int maxAttempts,
                         @DefaultValue("5m") Duration claimTimeout) {

        public boolean byEmail() {
            return email != null && !email.isBlank();
        }

        public boolean byWebhook() {
            return webhookUrl != null && !webhookUrl.isBlank();
        }
    }

    /**
     * @param afterWorkingDays working days after the request (or the last reminder) before a reminder goes
     * @param maxReminders     reminders per case, at most
     */
    public record ConsentChase(@DefaultValue("5") int afterWorkingDays,
                               @DefaultValue("2") int maxReminders) {
    }

    /**
     * @param period    how long personal data is kept after a case's last update once it is closed
     * @param batchSize cases (and stray inbound messages) purged per run, so each run stays short
     */
    public record Retention(@DefaultValue("6y") Period period,
                            @DefaultValue("500") int batchSize) {
    }
}
