package uk.hearth.channel.twilio;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where messages Twilio posted are processed once stored, so the webhook answers as soon as the message is
 * committed. Bounded: when the queue is full the work is refused and the message waits in the inbox for the
 * recovery job, as it does if the node stops first. Its threads have the lowest Java priority, so that where the
 * JVM maps priorities to the OS ({@code -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19} on Linux)
 * a burst of posts is answered first and processed with the CPU left over; without those flags it is a no-op. The bean is deliberately not an {@link Executor}: Spring Boot
 * would then drop the application task executor that platform-http serves requests on.
 */
final class TwilioProcessing implements AutoCloseable {
    private static final int THREADS = 2;
    private static final int QUEUE = 10_000;

    private final ThreadPoolExecutor pool;

    TwilioProcessing() {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                task -> {
                    Thread thread = new Thread(task, "twilio-processing-" + n.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    Executor executor() {
        return pool;
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
