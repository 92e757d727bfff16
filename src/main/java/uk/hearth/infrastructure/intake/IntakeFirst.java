package uk.hearth.infrastructure.intake;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Storing a post comes before processing the ones already stored. Webhooks mark each post they are storing with
 * {@link #storing()}; processing that follows a webhook calls {@link #awaitQuiet()} first, and waits while {@code busy}
 * or more posts are being stored at once - a burst - and until {@code quiet} has passed since the burst last had that
 * many, for at most {@code longest}, then goes ahead anyway, so a burst that never ends slows processing down but does
 * not stop it. A trickle (fewer than {@code busy} posts in flight, which is what 200 posts a second look like) never
 * waits.
 *
 * <p>The quiet period matters: in a burst the number of posts in flight dips below {@code busy} for a moment between
 * one shared commit and the next, and processing that went ahead at every dip took half the machine (the database's
 * share of it included) from the posts still coming.
 *
 * <p>Thread priorities do the same for the service's own threads where the OS honours them; this also covers the
 * database work of processing, which runs in PostgreSQL's processes at normal priority whatever the JVM's threads do.
 */
final class IntakeFirst {
    private final int busy;
    private final long quietNanos;
    private final long longestNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition quieter = lock.newCondition();
    private int inFlight;
    private boolean burstSeen;
    private long burstLastSeen;

    /**
     * @param busy    posts being stored at once from which processing waits
     * @param quiet   how long after the last moment with {@code busy} posts in flight processing still waits
     * @param longest the longest one piece of processing waits
     */
    IntakeFirst(int busy, Duration quiet, Duration longest) {
        if (busy < 1) {
            throw new IllegalArgumentException("busy must be at least 1");
        }
        this.busy = busy;
        this.quietNanos = quiet.toNanos();
        this.longestNanos = longest.toNanos();
    }

    /** Marks one post as being stored until the returned handle is closed. */
    Storing storing() {
        lock.lock();
        try {
            inFlight++;
            if (inFlight >= busy) {
                burstSeen = true;
                burstLastSeen = System.nanoTime();
            }
        } finally {
            lock.unlock();
        }
        return this::stored;
    }

    private void stored() {
        lock.lock();
        try {
            if (inFlight-- == busy) {
                burstLastSeen = System.nanoTime();
                quieter.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits while a burst is being stored and for {@code quiet} after it, at most {@code longest}.
     *
     * @return whether it had to wait
     */
    boolean awaitQuiet() throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + longestNanos;
            boolean waited = false;
            while (true) {
                long now = System.nanoTime();
                long wait;
                if (inFlight >= busy) {
                    wait = deadline - now;
                } else if (burstSeen && now - burstLastSeen < quietNanos) {
                    wait = Math.min(deadline - now, burstLastSeen + quietNanos - now);
                } else {
                    return waited;
                }
                if (deadline - now <= 0) {
                    return true;
                }
                waited = true;
                quieter.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Posts being stored now. */
    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** One post being stored; closing it (once) says it is stored or has failed. */
    @FunctionalInterface
    interface Storing extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Eight posts at once (a burst: a trickle of 200 a second has one or two in flight), a quarter of a second after
     * the last such moment, one second at most.
     */
    static IntakeFirst standard() {
        return new IntakeFirst(8, Duration.ofMillis(250), Duration.ofSeconds(1));
    }
}
