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
 * so a poll counts as successful only when the consumer also reached the end of the mailbox (the post-process
 * action it calls after reading the folder). Feeds the health component "email".
 */
final class MailboxStatus implements PollingConsumerPollStrategy, MailBoxPostProcessAction {
    private static final Logger log = LoggerFactory.getLogger(MailboxStatus.class);

    private final Clock clock;
    private final EmailMetrics metrics;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private volatile Instant started;
    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile String lastError;

    MailboxStatus(Clock clock, EmailMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    record Snapshot(boolean polling, Instant lastSuccess, Instant lastFailure, String lastError, int failuresInARow) {
        boolean down() {
            return failuresInARow > 0;
        }
    }

    Snapshot snapshot() {
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
            failed("login or opening the folder failed (the consumer's warning in the log says why)");
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
