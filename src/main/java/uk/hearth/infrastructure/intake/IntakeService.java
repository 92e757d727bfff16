package uk.hearth.infrastructure.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import uk.hearth.config.HearthProperties;
import uk.hearth.infrastructure.Redaction;
import uk.hearth.intake.Inbox;
import uk.hearth.intake.Processed;
import uk.hearth.intake.ProcessingInbound;
import uk.hearth.message.InboundMessage;

/**
 * The one door every channel uses. {@link #receive} stores the message and processes it in one transaction, so the
 * usual message costs one commit; if that fails for any reason but an unreachable database, the message is committed
 * to the inbox on its own (the moment we promise not to lose it) and processed again in a transaction of its own. If
 * processing fails there too the message stays in the inbox and {@link #retryDue} picks it up later, with backoff.
 */
@Service
public class IntakeService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    /** How long one recovery run may keep taking batches; the next run carries on from there. */
    static final Duration RECOVERY_BUDGET = Duration.ofSeconds(10);
    /** How long a webhook waits for its message's commit before answering 503 (Twilio gives up after 15 s). */
    static final Duration COMMIT_WAIT = Duration.ofSeconds(10);

    private final Inbox inbox;
    private final ProcessingInbound processing;
    private final TransactionTemplate transactions;
    private final HearthProperties.Retry retry;
    private final Clock clock;
    private final MeterRegistry meters;
    private final GroupCommit commits;
    private final IntakeFirst intakeFirst = IntakeFirst.standard();

    IntakeService(Inbox inbox, ProcessingInbound processing, TransactionTemplate transactions,
                  HearthProperties properties, Clock clock, MeterRegistry meters) {
        this.inbox = inbox;
        this.processing = processing;
        this.transactions = transactions;
        this.retry = properties.intake();
        this.clock = clock;
        this.meters = meters;
        this.commits = new GroupCommit(inbox, 2, 64, COMMIT_WAIT);
    }

    /**
     * @param processed empty when the message is stored but not processed yet (processing failed and will be
     *                  retried, or {@link #store} left it to follow)
     */
    public record Received(long inboundId, boolean duplicate, Optional<Processed> processed) {
    }

    /** Throws a {@code DataAccessException} when the message could not be stored: answer 503, never 2xx. */
    public Received receive(InboundMessage message) {
        Received received;
        try {
            received = transactions.execute(status -> {
                Inbox.Receipt receipt = inbox.accept(message);
                return new Received(receipt.id(), receipt.duplicate(), processing.process(receipt.id()));
            });
        } catch (CannotCreateTransactionException | CannotGetJdbcConnectionException unreachable) {
            throw unreachable;
        } catch (RuntimeException e) {
            // Rolled back, message and all (a duplicate on PostgreSQL ends here too: the failed insert poisons the
            // transaction). Store it on its own, then process it as the recovery job would.
            log.debug("Storing inbound message from {} on its own after: {}", message.channel().value(),
                    Redaction.mask(e.toString()));
            Inbox.Receipt receipt = inbox.accept(message);
            countReceived(message, receipt.duplicate());
            return new Received(receipt.id(), receipt.duplicate(), process(receipt.id()));
        }
        countReceived(message, received.duplicate());
        received.processed().ifPresent(this::countClassified);
        return received;
    }

    private void countReceived(InboundMessage message, boolean duplicate) {
        if (!duplicate) {
            meters.counter("hearth.messages.received", "channel", message.channel().value()).increment();
        }
    }

    /**
     * Commits the message and returns as soon as it is stored, for providers that want a quick answer and send in
     * bursts (webhooks). Posts that arrive together share a commit ({@link GroupCommit}). Processing follows on
     * {@code processing}, after any burst of posts being stored ({@link IntakeFirst}); when that refuses the work (its
     * queue is full) or the node stops first, the message waits in the inbox for {@link #retryDue}. Throws a
     * {@code DataAccessException} when the message could not be stored: answer 503, never 2xx.
     */
    public Received store(InboundMessage message, Executor processing) {
        intakeFirst.arrived();
        Inbox.Receipt receipt = commits.accept(message);
        countReceived(message, receipt.duplicate());
        if (!receipt.duplicate()) {
            try {
                processing.execute(() -> processAfterIntake(receipt.id()));
            } catch (RejectedExecutionException busy) {
                meters.counter("hearth.messages.deferred", "channel", message.channel().value()).increment();
            }
        }
        return new Received(receipt.id(), receipt.duplicate(), Optional.empty());
    }

    /**
     * Process what is left in the inbox: messages whose processing failed, whose node stopped, or that a burst left
     * waiting when the processing queue was full. Takes batches of {@code batch} until none is due, a batch makes no
     * progress, or {@link #RECOVERY_BUDGET} has passed, so a backlog of thousands drains in one run instead of one
     * batch per interval. Like processing after a webhook, each batch lets a burst of posts being stored go first.
     */
    public int retryDue(int batch) {
        long deadline = System.nanoTime() + RECOVERY_BUDGET.toNanos();
        int done = 0;
        while (true) {
            if (!awaitIntake()) {
                return done;
            }
            List<Long> due = inbox.due(clock.instant(), batch);
            int progress = 0;
            for (Long id : due) {
                if (process(id).isPresent()) {
                    progress++;
                }
            }
            done += progress;
            if (due.size() < batch || progress == 0 || System.nanoTime() - deadline >= 0) {
                return done;
            }
        }
    }

    private void processAfterIntake(long inboundId) {
        if (awaitIntake()) {
            process(inboundId);
        }
    }

    /** Lets a burst of posts be stored first ({@link IntakeFirst}); false when interrupted (the node is stopping). */
    private boolean awaitIntake() {
        try {
            if (intakeFirst.awaitQuiet()) {
                meters.counter("hearth.messages.waited.for.intake").increment();
            }
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false; // stored: the recovery job processes it
        }
    }

    private Optional<Processed> process(long inboundId) {
        try {
            Optional<Processed> processed = transactions.execute(status -> processing.process(inboundId));
            processed.ifPresent(this::countClassified);
            return processed;
        } catch (RuntimeException e) {
            recordFailure(inboundId, e);
            return Optional.empty();
        }
    }

    private void countClassified(Processed p) {
        if (p.caseClass() != null) {
            meters.counter("hearth.messages.classified", "channel", p.channel(), "class", p.caseClass().wireName(),
                    "outcome", p.outcome().name().toLowerCase(java.util.Locale.ROOT)).increment();
        }
    }

    private void recordFailure(long inboundId, RuntimeException e) {
        try {
            int attempts = transactions.execute(s -> inbox.lock(inboundId).map(m -> m.attempts()).orElse(0)) + 1;
            boolean last = attempts >= retry.maxAttempts();
            inbox.recordFailure(inboundId, e.toString(), last ? null : clock.instant().plus(retry.delayAfter(attempts)));
            if (last) {
                meters.counter("hearth.messages.failed").increment();
                log.error("Inbound message {} failed processing for the last time ({} attempts): {}", inboundId,
                        attempts, Redaction.mask(e.toString()));
            } else {
                log.warn("Inbound message {} failed processing (attempt {}), will retry: {}", inboundId, attempts,
                        Redaction.mask(e.toString()));
            }
        } catch (RuntimeException again) {
            // The message is stored; the recovery job retries it once the database answers again.
            log.warn("Could not record the failure of inbound message {}: {}", inboundId,
                    Redaction.mask(again.toString()));
        }
    }

    /** Commits the posts still waiting for a commit; called by Spring when the node stops. */
    @Override
    public void close() throws InterruptedException {
        commits.close();
    }
}
