package uk.hearth.infrastructure.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IntakeFirstTest {

    @Test
    void aTrickleNeverHoldsProcessingUp() throws Exception {
        IntakeFirst gate = new IntakeFirst(2, Duration.ZERO, Duration.ofMinutes(1));
        try (IntakeFirst.Storing one = gate.storing()) {
            assertThat(gate.inFlight()).isEqualTo(1);
            assertThat(gate.awaitQuiet()).isFalse();
        }
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void processingWaitsForABurstAndGoesOnWhenItEases() throws Exception {
        IntakeFirst gate = new IntakeFirst(2, Duration.ZERO, Duration.ofMinutes(1));
        IntakeFirst.Storing first = gate.storing();
        IntakeFirst.Storing second = gate.storing();
        CompletableFuture<Boolean> processing = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.awaitQuiet();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        Thread.sleep(100);
        assertThat(processing).as("held while two posts are being stored").isNotDone();

        first.close();
        assertThat(processing.get(10, TimeUnit.SECONDS)).as("it waited").isTrue();
        second.close();
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void aBurstThatNeverEndsDelaysProcessingButDoesNotStopIt() throws Exception {
        IntakeFirst gate = new IntakeFirst(1, Duration.ZERO, Duration.ofMillis(50));
        try (IntakeFirst.Storing endless = gate.storing()) {
            long start = System.nanoTime();
            assertThat(gate.awaitQuiet()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        }
    }

    @Test
    void aMomentaryDipInABurstDoesNotLetProcessingThrough() throws Exception {
        IntakeFirst gate = new IntakeFirst(2, Duration.ofMinutes(1), Duration.ofMillis(200));
        gate.storing().close();
        assertThat(gate.awaitQuiet()).as("one post on its own is no burst").isFalse();

        IntakeFirst.Storing first = gate.storing();
        gate.storing().close();
        first.close();
        long start = System.nanoTime();
        assertThat(gate.awaitQuiet()).as("nothing in flight, but a burst a moment ago").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("held until the longest wait")
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void processingGoesOnOnceTheQuietPeriodHasPassed() throws Exception {
        IntakeFirst gate = new IntakeFirst(2, Duration.ofMillis(50), Duration.ofMinutes(1));
        IntakeFirst.Storing first = gate.storing();
        IntakeFirst.Storing second = gate.storing();
        first.close();
        second.close();
        long start = System.nanoTime();
        assertThat(gate.awaitQuiet()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited out the quiet period, not the minute")
                .isGreaterThanOrEqualTo(Duration.ofMillis(40)).isLessThan(Duration.ofSeconds(30));
        assertThat(gate.awaitQuiet()).as("and nothing since").isFalse();
    }

    @Test
    void aBurstNeedsAtLeastOnePost() {
        assertThatThrownBy(() -> new IntakeFirst(0, Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
