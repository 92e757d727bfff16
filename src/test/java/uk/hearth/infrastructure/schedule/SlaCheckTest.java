package uk.hearth.infrastructure.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaCheckTest {
    private static final Instant DUE = Instant.parse("2026-11-28T00:00:00Z");
    private final SlaCheck check = new SlaCheck(Duration.ofDays(1), Duration.ofHours(4));

    private static Deadline deadline(DeadlineKind kind, Instant dueAt) {
        return new Deadline(1, "HRT-2026-000001", kind, dueAt);
    }

    @Test
    void nothingBeforeTheWarningPeriod() {
        assertThat(check.levelAt(deadline(DeadlineKind.RESPOND, DUE), DUE.minus(Duration.ofHours(25)))).isEmpty();
    }

    @Test
    void dueSoonFromTheStartOfTheWarningPeriodUntilTheDeadline() {
        Deadline respond = deadline(DeadlineKind.RESPOND, DUE);

        assertThat(check.levelAt(respond, DUE.minus(Duration.ofDays(1)))).contains(WarningLevel.DUE_SOON);
        assertThat(check.levelAt(respond, DUE.minusSeconds(1))).contains(WarningLevel.DUE_SOON);
    }

    @Test
    void lapsedFromTheDeadlineOn() {
        assertThat(check.levelAt(deadline(DeadlineKind.ACKNOWLEDGE, DUE), DUE)).contains(WarningLevel.LAPSED);
        assertThat(check.levelAt(deadline(DeadlineKind.ACKNOWLEDGE, DUE), DUE.plus(Duration.ofDays(30))))
                .contains(WarningLevel.LAPSED);
    }

    @Test
    void aMakeSafeDeadlineHasItsOwnShorterWarningPeriod() {
        Deadline makeSafe = deadline(DeadlineKind.MAKE_SAFE, DUE);

        assertThat(check.levelAt(makeSafe, DUE.minus(Duration.ofHours(5)))).isEmpty();
        assertThat(check.levelAt(makeSafe, DUE.minus(Duration.ofHours(4)))).contains(WarningLevel.DUE_SOON);
        assertThat(check.horizon()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void countsDueAndOverdueByKind() {
        Instant now = DUE;
        SlaCheck.Figures figures = check.count(List.of(
                deadline(DeadlineKind.ACKNOWLEDGE, now.minusSeconds(1)),
                deadline(DeadlineKind.ACKNOWLEDGE, now.plus(Duration.ofHours(2))),
                deadline(DeadlineKind.ACKNOWLEDGE, now.plus(Duration.ofHours(3))),
                deadline(DeadlineKind.RESPOND, now.plus(Duration.ofDays(3))),
                deadline(DeadlineKind.MAKE_SAFE, now.minus(Duration.ofHours(1)))), now);

        assertThat(figures.of(DeadlineKind.ACKNOWLEDGE, WarningLevel.LAPSED)).isEqualTo(1);
        assertThat(figures.of(DeadlineKind.ACKNOWLEDGE, WarningLevel.DUE_SOON)).isEqualTo(2);
        assertThat(figures.of(DeadlineKind.RESPOND, WarningLevel.DUE_SOON)).isZero();
        assertThat(figures.of(DeadlineKind.MAKE_SAFE, WarningLevel.LAPSED)).isEqualTo(1);
    }
}
