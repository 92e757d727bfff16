package uk.hearth.channel.email;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters {@code hearth.email.*}: polled, processed, duplicate, failed (rejected) and auto-reply mails. */
final class EmailMetrics {
    private final Counter polled;
    private final Counter processed;
    private final Counter duplicate;
    private final Counter failed;
    private final Counter autoReply;
    private final Counter bounce;

    EmailMetrics(MeterRegistry registry) {
        polled = registry.counter("hearth.email.polled");
        processed = registry.counter("hearth.email.processed");
        duplicate = registry.counter("hearth.email.duplicate");
        failed = registry.counter("hearth.email.failed");
        autoReply = registry.counter("hearth.email.auto.reply");
        bounce = registry.counter("hearth.email.bounce");
    }

    void polled(int count) {
        polled.increment(count);
    }

    void processed() {
        processed.increment();
    }

    void duplicate() {
        duplicate.increment();
    }

    void failed() {
        failed.increment();
    }

    void autoReply() {
        autoReply.increment();
    }

    void bounce() {
        bounce.increment();
    }
}
