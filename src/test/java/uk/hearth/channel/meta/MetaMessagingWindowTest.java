package uk.hearth.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetaMessagingWindowTest {
    static final Duration DAY = Duration.ofHours(24);
    static final Instant LAST = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void openForTwentyFourHoursAfterTheResidentsLastMessage() {
        assertThat(MetaMessagingWindow.closed(Optional.of(LAST), LAST.plusSeconds(1), DAY)).isEmpty();
        assertThat(MetaMessagingWindow.closed(Optional.of(LAST), LAST.plus(DAY).minusSeconds(1), DAY)).isEmpty();
    }

    @Test
    void closedFromTheTwentyFourthHourAndTheReasonSaysWhen() {
        assertThat(MetaMessagingWindow.closed(Optional.of(LAST), LAST.plus(DAY), DAY))
                .hasValueSatisfying(why -> assertThat(why).contains("24-hour", "2026-11-25T10:00:00Z",
                        "another way"));
        assertThat(MetaMessagingWindow.closed(Optional.of(LAST), LAST.plus(Duration.ofDays(3)), DAY)).isPresent();
    }

    @Test
    void neverOpenForSomeoneWhoNeverWroteHere() {
        assertThat(MetaMessagingWindow.closed(Optional.empty(), LAST, DAY))
                .hasValueSatisfying(why -> assertThat(why).contains("never written"));
    }
}
