package uk.hearth.channel.email;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health component "email": the IMAP mailbox. DOWN while logging in or polling fails, with the last successful
 * poll; UNKNOWN before the first poll; "disabled" when no IMAP host is configured.
 */
final class EmailHealthIndicator implements HealthIndicator {
    private final MailboxStatus status;
    private final EmailProperties.Imap imap;

    EmailHealthIndicator(MailboxStatus status, EmailProperties.Imap imap) {
        this.status = status;
        this.imap = imap;
    }

    @Override
    public Health health() {
        if (!imap.enabled()) {
            return Health.up().withDetail("imap", "disabled: no hearth.channels.email.imap.host").build();
        }
        MailboxStatus.Snapshot now = status.snapshot();
        Health.Builder health = now.down() ? Health.down() : now.lastSuccess() == null ? Health.unknown() : Health.up();
        health.withDetail("mailbox", imap.protocol() + "://" + imap.host() + ":" + imap.port() + "/" + imap.folder())
                .withDetail("lastSuccessfulPoll", now.lastSuccess() == null ? "never" : now.lastSuccess().toString());
        if (now.down()) {
            health.withDetail("failedPollsInARow", now.failuresInARow())
                    .withDetail("lastFailure", String.valueOf(now.lastFailure()))
                    .withDetail("error", now.lastError());
        }
        return health.build();
    }
}
