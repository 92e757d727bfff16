package uk.hearth.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetaMessagingWindowTest {
    static final Duration DAY = Duration.ofHours(24);
    static final Instant LAST = Instant.parse("2026-11-24T10:00:00Z");
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void openForTwentyFourHoursAfterTheResidentsLastMessage() {
        assertThat(MetaMessagingWindow.closed(Optional.of(LAST), LAST.plusSeconds(1), DAY, LONDON)).isEmpty();
        assertThat(MetaMessagingWindow.closed(Optional.of(LAST), LAST.plus(DAY).minusSeconds(1), DAY, LONDON)).isEmpty();
    }

    @Test
    void closedFromTheTwentyFourthHourAndTheReasonSaysWhen() {
        assertThat(MetaMessagingWindow.closed(Optional.of(LAST), LAST.plus(DAY), DAY, LONDON))
                .hasValueSatisfying(why -> assertThat(why).contains("24-hour", "25 Nov 2026 10:00 GMT",
                        "another way"));
        assertThat(MetaMessagingWindow.closed(Optional.of(LAST), LAST.plus(Duration.ofDays(3)), DAY, LONDON)).isPresent();
    }

    @Test
    void neverOpenForSomeoneWhoNeverWroteHere() {
        assertThat(MetaMessagingWindow.closed(Optional.empty(), LAST, DAY, LONDON))
                .hasValueSatisfying(why -> assertThat(why).contains("never written"));
    }
}
