package uk.hearth.infrastructure.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import uk.hearth.infrastructure.Redaction;
import uk.hearth.intake.Inbox;
import uk.hearth.message.InboundMessage;

/**
 * Lets posts that arrive together share one commit. Each caller still waits until its own message is committed, as
 * with {@link Inbox#accept}; but while a writer is committing one batch the posts that arrive queue up and go into the
 * next, so a burst costs the database one transaction per batch rather than one per post. A post on its own is
 * committed at once: nothing waits for company.
 *
 * <p>A batch that fails for any reason but an unreachable database is retried message by message, so one message the
 * database refuses (or one stored meanwhile by another node) does not take the others down with it.
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Inbox inbox;
    private final int maxBatch;
    private final Duration wait;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    private record Pending(InboundMessage message, CompletableFuture<Inbox.Receipt> receipt) {
    }

    /**
     * @param writers  batches committed at the same time (one fills while another commits)
     * @param maxBatch most messages in one commit
     * @param wait     how long a caller waits for its commit before giving up (the message may still commit: a
     *                 provider's retry is then a duplicate)
     */
    GroupCommit(Inbox inbox, int writers, int maxBatch, Duration wait) {
        this.inbox = inbox;
        this.maxBatch = maxBatch;
        this.wait = wait;
        for (int i = 1; i <= writers; i++) {
            Thread writer = new Thread(this::write, "inbox-writer-" + i);
            writer.setDaemon(true);
            this.writers.add(writer);
            writer.start();
        }
    }

    /** As {@link Inbox#accept}: returns once the message is committed; throws a DataAccessException if it is not. */
    Inbox.Receipt accept(InboundMessage message) {
        if (closed) {
            return inbox.accept(message);
        }
        Pending pending = new Pending(message, new CompletableFuture<>());
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            return inbox.accept(message); // closed meanwhile, and no writer took it
        }
        try {
            return pending.receipt().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new QueryTimeoutException("the message was not committed within " + wait.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("interrupted while the message was being committed");
        }
    }

    /** Messages queued for the next commit (for tests). */
    int waiting() {
        return queue.size();
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error unexpected) {
                // commit answers every caller; this is a bug, and the callers must not hang on it
                batch.forEach(p -> p.receipt().completeExceptionally(unexpected));
                log.error("The inbox writer failed unexpectedly", unexpected);
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        if (batch.size() == 1) {
            one(batch.get(0));
            return;
        }
        List<Inbox.Receipt> receipts;
        try {
            receipts = inbox.acceptAll(batch.stream().map(Pending::message).toList());
        } catch (CannotCreateTransactionException | CannotGetJdbcConnectionException unreachable) {
            batch.forEach(p -> p.receipt().completeExceptionally(unreachable));
            return;
        } catch (RuntimeException e) {
            log.debug("Committing {} inbound messages one by one after: {}", batch.size(),
                    Redaction.mask(e.toString()));
            batch.forEach(this::one);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).receipt().complete(receipts.get(i));
        }
    }

    private void one(Pending pending) {
        try {
            pending.receipt().complete(inbox.accept(pending.message()));
        } catch (RuntimeException e) {
            pending.receipt().completeExceptionally(e);
        }
    }

    /** Commits what is queued, then stops the writers; later callers commit on their own thread. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (Thread writer : writers) {
            writer.join(wait.toMillis());
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            one(left);
        }
    }
}
