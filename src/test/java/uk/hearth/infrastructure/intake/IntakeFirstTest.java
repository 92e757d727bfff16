package uk.hearth.infrastructure.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntakeFirstTest {

    @Test
    void aTrickleNeverHoldsProcessingUp() throws Exception {
        IntakeFirst gate = new IntakeFirst(3, Duration.ofMinutes(1), Duration.ofMinutes(1));
        gate.arrived();
        gate.arrived();
        assertThat(gate.inBurst()).isFalse();
        assertThat(gate.awaitQuiet()).as("two posts are not a burst of three").isFalse();
    }

    @Test
    void processingWaitsUntilTheBurstIsAWindowOld() throws Exception {
        IntakeFirst gate = new IntakeFirst(3, Duration.ofSeconds(2), Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            gate.arrived();
        }
        long start = System.nanoTime();
        assertThat(gate.inBurst()).isTrue();
        assertThat(gate.awaitQuiet()).as("it waited").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("until the burst was a window old, not a minute")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(30));
        assertThat(gate.inBurst()).isFalse();
        assertThat(gate.awaitQuiet()).as("and nothing since").isFalse();
    }

    @Test
    void aBurstThatNeverEndsDelaysProcessingButDoesNotStopIt() throws Exception {
        IntakeFirst gate = new IntakeFirst(1, Duration.ofMinutes(1), Duration.ofMillis(50));
        gate.arrived();
        long start = System.nanoTime();
        assertThat(gate.awaitQuiet()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(gate.inBurst()).as("still a burst: processing went ahead anyway").isTrue();
    }

    @Test
    void onlyTheLatestPostsCount() throws Exception {
        IntakeFirst gate = new IntakeFirst(2, Duration.ofMillis(50), Duration.ofMinutes(1));
        gate.arrived();
        Thread.sleep(120);
        gate.arrived();
        assertThat(gate.inBurst()).as("two posts, but further apart than the window").isFalse();
    }

    @Test
    void aBurstNeedsAtLeastOnePost() {
        assertThatThrownBy(() -> new IntakeFirst(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
