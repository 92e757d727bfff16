package uk.hearth.infrastructure.intake;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Storing a post comes before processing the ones already stored. Webhooks say when each post {@link #arrived()};
 * processing that follows a webhook calls {@link #awaitQuiet()} first, and waits while posts are arriving faster
 * than {@code burst} in {@code window} - faster than this node can process them anyway - for at most
 * {@code longest}, then goes ahead, so a burst that never ends slows processing down but does not stop it. A
 * trickle (200 posts a second is 40 in a fifth of a second) never waits, however long one commit takes.
 *
 * <p>Counting arrivals rather than posts in flight matters both ways: in a burst the posts in flight dip for a
 * moment between one shared commit and the next, and processing that went ahead at every dip took half the machine
 * (the database's share included) from the posts still coming; at a trickle, one slow commit puts many posts in
 * flight at once without there being more work than the node can do.
 *
 * <p>Thread priorities do the same for the service's own threads where the OS honours them; this also covers the
 * database work of processing, which runs in PostgreSQL's processes at normal priority whatever the JVM's threads do.
 */
final class IntakeFirst {
    private final long windowNanos;
    private final long longestNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition timePasses = lock.newCondition(); // only ever waited on with a timeout
    /** The last {@code burst} arrival times, oldest at {@code next} once {@code full}. */
    private final long[] arrivals;
    private int next;
    private boolean full;

    /**
     * @param burst   this many posts arriving within {@code window} is a burst
     * @param window  see {@code burst}
     * @param longest the longest one piece of processing waits
     */
    IntakeFirst(int burst, Duration window, Duration longest) {
        if (burst < 1) {
            throw new IllegalArgumentException("a burst is at least one post");
        }
        this.arrivals = new long[burst];
        this.windowNanos = window.toNanos();
        this.longestNanos = longest.toNanos();
    }

    /** A post has arrived and is being stored. */
    void arrived() {
        long now = System.nanoTime();
        lock.lock();
        try {
            arrivals[next] = now;
            next = (next + 1) % arrivals.length;
            full |= next == 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits while posts arrive in a burst, at most {@code longest}.
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
                long burstLeft = burstLeft(now);
                if (burstLeft <= 0) {
                    return waited;
                }
                if (deadline - now <= 0) {
                    return true;
                }
                waited = true;
                // Nothing signals the end of a burst: it ends when its oldest post is a window old, unless more came.
                timePasses.await(Math.min(deadline - now, burstLeft), TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** How long the current burst lasts if no more posts arrive; zero or less when there is none. */
    private long burstLeft(long now) {
        return full ? arrivals[next] + windowNanos - now : 0;
    }

    /** Whether posts are arriving in a burst now. */
    boolean inBurst() {
        lock.lock();
        try {
            return burstLeft(System.nanoTime()) > 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * 120 posts within a fifth of a second (600 a second: more than one node processes), one second at most.
     */
    static IntakeFirst standard() {
        return new IntakeFirst(120, Duration.ofMillis(200), Duration.ofSeconds(1));
    }
}
