package uk.hearth.infrastructure.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaWarningsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

    private final H2Schema db = new H2Schema();
    private final SlaWarnings warnings = new SlaWarnings(db.jdbc, db.transactions);
    private final StaffAlertStore alerts = new StaffAlertStore(db.jdbc);

    private Deadline lapsed(long caseId) {
        return new Deadline(caseId, "HRT-2026-000001", DeadlineKind.ACKNOWLEDGE, Instant.parse("2026-11-28T00:00:00Z"));
    }

    @Test
    void aWarningIsRaisedOnceWithItsDeliveriesAndAnEvent() {
        long caseId = db.caseWithMessages("HRT-2026-000001", "open", NOW);

        assertThat(warnings.raise(lapsed(caseId), WarningLevel.LAPSED, List.of("email", "webhook"), "detail", NOW)).isTrue();
        assertThat(warnings.raise(lapsed(caseId), WarningLevel.LAPSED, List.of("email", "webhook"), "detail", NOW)).isFalse();

        assertThat(db.jdbc.sql("select count(*) from sla_warning").query(Long.class).single()).isEqualTo(1);
        assertThat(db.jdbc.sql("select channel from staff_alert order by channel").query(String.class).list())
                .containsExactly("email", "webhook");
        assertThat(db.jdbc.sql("select type from case_event where case_id = ? and type like 'sla%'").param(caseId)
                .query(String.class).list()).containsExactly("sla_lapsed");
    }

    @Test
    void knowsWhichWarningsOpenCasesAlreadyHad() {
        long open = db.caseWithMessages("HRT-2026-000001", "open", NOW);
        long closed = db.caseWithMessages("HRT-2026-000002", "closed", NOW);
        warnings.raise(lapsed(open), WarningLevel.LAPSED, List.of("email"), "d", NOW);
        warnings.raise(lapsed(closed), WarningLevel.LAPSED, List.of("email"), "d", NOW);

        assertThat(warnings.raisedForOpenCases()).containsExactly(SlaWarnings.key(lapsed(open), WarningLevel.LAPSED));
    }

    @Test
    void aNewDeadlineOrLevelIsANewWarning() {
        long caseId = db.caseWithMessages("HRT-2026-000001", "open", NOW);
        Deadline extended = new Deadline(caseId, "HRT-2026-000001", DeadlineKind.ACKNOWLEDGE,
                Instant.parse("2026-12-05T00:00:00Z"));

        assertThat(warnings.raise(lapsed(caseId), WarningLevel.DUE_SOON, List.of("email"), "d", NOW)).isTrue();
        assertThat(warnings.raise(lapsed(caseId), WarningLevel.LAPSED, List.of("email"), "d", NOW)).isTrue();
        assertThat(warnings.raise(extended, WarningLevel.DUE_SOON, List.of("email"), "d", NOW)).isTrue();
    }

    @Test
    void aDeliveryIsClaimedByOneTakerAndRetakenOnlyAfterTheClaimTimesOut() {
        long caseId = db.caseWithMessages("HRT-2026-000001", "open", NOW);
        warnings.raise(lapsed(caseId), WarningLevel.LAPSED, List.of("email"), "d", NOW);
        long id = alerts.due(NOW, Duration.ofMinutes(5), 10).get(0);

        assertThat(alerts.claim(id, NOW, Duration.ofMinutes(5))).isTrue();
        assertThat(alerts.claim(id, NOW, Duration.ofMinutes(5))).isFalse();
        assertThat(alerts.due(NOW.plusSeconds(60), Duration.ofMinutes(5), 10)).isEmpty();
        assertThat(alerts.claim(id, NOW.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5))).isTrue();

        StaffAlert loaded = alerts.load(id);
        assertThat(loaded.reference()).isEqualTo("HRT-2026-000001");
        assertThat(loaded.level()).isEqualTo(WarningLevel.LAPSED);
        alerts.markSent(id, NOW);
        assertThat(alerts.due(NOW.plus(Duration.ofHours(1)), Duration.ofMinutes(5), 10)).isEmpty();
    }

    @Test
    void aFailedDeliveryWaitsForTheNextRunUntilTheLastAttempt() {
        long caseId = db.caseWithMessages("HRT-2026-000001", "open", NOW);
        warnings.raise(lapsed(caseId), WarningLevel.LAPSED, List.of("webhook"), "d", NOW);
        long id = alerts.due(NOW, Duration.ofMinutes(5), 10).get(0);

        alerts.claim(id, NOW, Duration.ofMinutes(5));
        alerts.markFailed(id, "HTTP 503", false);
        assertThat(alerts.due(NOW, Duration.ofMinutes(5), 10)).containsExactly(id);

        alerts.claim(id, NOW, Duration.ofMinutes(5));
        alerts.markFailed(id, "HTTP 503", true);
        assertThat(alerts.due(NOW, Duration.ofMinutes(5), 10)).isEmpty();
        assertThat(db.jdbc.sql("select status || ':' || attempts from staff_alert").query(String.class).single())
                .isEqualTo("FAILED:2");
    }
}
