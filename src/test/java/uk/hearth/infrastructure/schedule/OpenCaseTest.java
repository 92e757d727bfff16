package uk.hearth.infrastructure.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OpenCaseTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate ACK = LocalDate.of(2026, 6, 5);
    private static final LocalDate RESPOND = LocalDate.of(2026, 6, 19);

    private static OpenCase stage1(String acknowledgement, Instant responded, boolean hazard, Instant makeSafeBy) {
        return new OpenCase(7, "HRT-2026-000007", 1, hazard, ACK, RESPOND, makeSafeBy, acknowledgement, responded);
    }

    @Test
    void aDateDeadlineLastsUntilTheEndOfThatDayInTheLandlordsZone() {
        // British Summer Time: the day ends at 23:00 UTC.
        assertThat(OpenCase.endOf(ACK, LONDON)).isEqualTo(Instant.parse("2026-06-05T23:00:00Z"));
        assertThat(OpenCase.endOf(LocalDate.of(2026, 12, 1), LONDON)).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    }

    @Test
    void anAcknowledgementIsMetOnlyOnceSent() {
        assertThat(stage1("SENT", null, false, null).outstanding(LONDON)).extracting(Deadline::kind)
                .containsExactly(DeadlineKind.RESPOND);
        for (String notYet : new String[] {"PENDING", "MANUAL_DUE", "FAILED", null}) {
            assertThat(stage1(notYet, null, false, null).outstanding(LONDON)).extracting(Deadline::kind)
                    .as("acknowledgement %s", notYet).containsExactly(DeadlineKind.ACKNOWLEDGE, DeadlineKind.RESPOND);
        }
    }

    @Test
    void aStage1ResponseMeetsTheResponseDeadlineButNotAStage2One() {
        Instant responded = Instant.parse("2026-06-10T10:00:00Z");
        assertThat(stage1("SENT", responded, false, null).outstanding(LONDON)).isEmpty();

        OpenCase escalated = new OpenCase(7, "HRT-2026-000007", 2, false, ACK, RESPOND, null, "SENT", responded);
        assertThat(escalated.outstanding(LONDON)).extracting(Deadline::kind).containsExactly(DeadlineKind.RESPOND);
    }

    @Test
    void aHazardHasAMakeSafeDeadline() {
        Instant makeSafeBy = Instant.parse("2026-06-02T09:30:00Z");

        assertThat(stage1("SENT", null, true, makeSafeBy).outstanding(LONDON))
                .contains(new Deadline(7, "HRT-2026-000007", DeadlineKind.MAKE_SAFE, makeSafeBy));
        assertThat(stage1("SENT", null, false, null).outstanding(LONDON)).extracting(Deadline::kind)
                .doesNotContain(DeadlineKind.MAKE_SAFE);
    }

    @Test
    void aCaseWithoutAResponseDateHasNoResponseDeadline() {
        OpenCase enquiry = new OpenCase(8, "HRT-2026-000008", 1, false, ACK, null, null, "SENT", null);
        assertThat(enquiry.outstanding(LONDON)).isEmpty();
    }
}
