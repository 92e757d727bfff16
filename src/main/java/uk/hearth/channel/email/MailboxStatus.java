package uk.hearth.channel.email;

import jakarta.mail.Folder;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.mail.MailBoxPostProcessAction;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.hearth.infrastructure.Redaction;

/**
 * Follows the IMAP consumer's polls. Camel's mail consumer swallows a failed login and reports the poll as done,
 * and calls its post-process action only when the folder held mail; so a poll that read mail is a success, and a
 * poll that read none is confirmed by a login probe when health is asked (at most once a minute). Feeds the health
 * component "email".
 */
final class MailboxStatus implements PollingConsumerPollStrategy, MailBoxPostProcessAction {
    private static final Logger log = LoggerFactory.getLogger(MailboxStatus.class);

    private final Clock clock;
    private final EmailMetrics metrics;
    private static final java.time.Duration PROBE_EVERY = java.time.Duration.ofMinutes(1);

    private final java.util.function.Supplier<String> probe;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private volatile Instant unconfirmed;
    private volatile Instant lastProbe = Instant.MIN;
    private volatile Instant started;
    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile String lastError;

    /** @param probe logs in and opens the folder; returns null when that works, else why not */
    MailboxStatus(Clock clock, EmailMetrics metrics, java.util.function.Supplier<String> probe) {
        this.probe = probe;
        this.clock = clock;
        this.metrics = metrics;
    }

    record Snapshot(boolean polling, Instant lastSuccess, Instant lastFailure, String lastError, int failuresInARow) {
        boolean down() {
            return failuresInARow > 0;
        }
    }

    synchronized Snapshot snapshot() {
        Instant open = unconfirmed;
        Instant now = clock.instant();
        if (open != null && (lastSuccess == null || open.isAfter(lastSuccess))
                && !now.isBefore(lastProbe.plus(PROBE_EVERY))) {
            lastProbe = now;
            String error = probe.get();
            if (error == null) {
                lastSuccess = open;
                failuresInARow.set(0);
            } else {
                failed(error);
            }
        }
        return new Snapshot(started != null, lastSuccess, lastFailure, lastError, failuresInARow.get());
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        started = clock.instant();
        return true;
    }

    /** Called by the consumer after it has read the folder: login, folder and search all worked. */
    @Override
    public void process(Folder folder) {
        lastSuccess = clock.instant();
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        metrics.polled(polledMessages);
        Instant began = started;
        if (lastSuccess == null || began != null && lastSuccess.isBefore(began)) {
            // An empty folder or a failed login: the consumer does not say which; the probe will.
            unconfirmed = clock.instant();
        } else if (failuresInARow.getAndSet(0) > 0) {
            log.info("Mailbox polling works again");
        }
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        failed(cause.toString());
        log.warn("Polling the mailbox failed: {}", Redaction.mask(cause.toString()));
        return false;
    }

    private void failed(String why) {
        lastFailure = clock.instant();
        lastError = Redaction.mask(why);
        failuresInARow.incrementAndGet();
    }
}
