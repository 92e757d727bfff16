package uk.hearth.infrastructure.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StaffAlertTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String URL = "https://hearth.example/api/v1/cases/HRT-2026-000042";

    private static StaffAlert alert(DeadlineKind kind, Instant dueAt, WarningLevel level) {
        return new StaffAlert(1, "email", 0, 42, "HRT-2026-000042", "service_request", 1, kind, dueAt, level);
    }

    @Test
    void aDateDeadlineShowsTheLastDayItCovers() {
        StaffAlert alert = alert(DeadlineKind.ACKNOWLEDGE, Instant.parse("2026-11-28T00:00:00Z"), WarningLevel.DUE_SOON);

        assertThat(alert.subject(LONDON)).isEqualTo("HRT-2026-000042: acknowledgement due soon (by Friday 27 November 2026)");
        assertThat(alert.text(LONDON, URL)).startsWith("Case HRT-2026-000042 (service request, stage 1): the"
                + " acknowledgement is due by Friday 27 November 2026 and is not done yet.").contains(URL);
    }

    @Test
    void aLapsedMakeSafeDeadlineShowsItsTime() {
        StaffAlert alert = alert(DeadlineKind.MAKE_SAFE, Instant.parse("2026-07-01T13:30:00Z"), WarningLevel.LAPSED);

        assertThat(alert.subject(LONDON)).isEqualTo("HRT-2026-000042: make-safe deadline passed (was due Wednesday 1 July"
                + " 2026 14:30)");
        assertThat(alert.text(LONDON, URL)).contains("the make-safe deadline has passed");
    }

    @Test
    void theWebhookSaysWhatAndWhenButNothingAboutTheResident() {
        StaffAlert alert = alert(DeadlineKind.RESPOND, Instant.parse("2026-11-28T00:00:00Z"), WarningLevel.LAPSED);

        assertThat(alert.json(LONDON, URL)).containsEntry("event", "sla.lapsed")
                .containsEntry("reference", "HRT-2026-000042").containsEntry("deadline", "respond")
                .containsEntry("dueAt", "2026-11-28T00:00:00Z").containsEntry("url", URL)
                .containsOnlyKeys("event", "reference", "caseClass", "stage", "deadline", "dueAt", "level", "url", "text");
    }
}
