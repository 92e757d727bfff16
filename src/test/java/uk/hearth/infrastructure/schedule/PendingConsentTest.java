package uk.hearth.infrastructure.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.hearth.complaint.WorkingDayCalendar;

class PendingConsentTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(Set.of(LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 28)), LocalTime.of(9, 0), LocalTime.of(17, 0), LONDON);
    // Monday 14 December 2026
    private static final Instant ASKED = Instant.parse("2026-12-14T10:00:00Z");

    private static PendingConsent asked(String status, int reminders, Instant lastReminder, int unsent) {
        return new PendingConsent(3, "email", "edna@example.org", "May we talk to Dee?", "Please answer YES or NO.",
                status, ASKED, reminders, lastReminder, unsent);
    }

    private static java.util.Optional<Integer> dueOn(PendingConsent pending, LocalDate day) {
        return pending.reminderDue(day, LONDON, CALENDAR, 5, 2);
    }

    @Test
    void theFirstReminderIsDueFiveWorkingDaysAfterTheRequest() {
        assertThat(dueOn(asked("SENT", 0, null, 0), LocalDate.of(2026, 12, 18))).isEmpty();
        assertThat(dueOn(asked("SENT", 0, null, 0), LocalDate.of(2026, 12, 21))).contains(1);
    }

    @Test
    void bankHolidaysDoNotCount() {
        // Reminded on Monday 21 December: Christmas Day and the substitute Boxing Day are not working days.
        PendingConsent once = asked("SENT", 1, Instant.parse("2026-12-21T10:00:00Z"), 0);

        assertThat(dueOn(once, LocalDate.of(2026, 12, 29))).isEmpty();
        assertThat(dueOn(once, LocalDate.of(2026, 12, 30))).contains(2);
    }

    @Test
    void neverMoreThanTheMaximum() {
        assertThat(dueOn(asked("SENT", 2, Instant.parse("2026-12-21T10:00:00Z"), 0), LocalDate.of(2027, 2, 1)))
                .isEmpty();
    }

    @Test
    void notWhileAReminderWaitsToGo() {
        assertThat(dueOn(asked("SENT", 1, Instant.parse("2026-12-21T10:00:00Z"), 1), LocalDate.of(2027, 2, 1)))
                .isEmpty();
    }

    @Test
    void aRequestThatWasNotSentIsNotChased() {
        for (String status : new String[] {"PENDING", "MANUAL_DUE", "FAILED", "CANCELLED"}) {
            assertThat(dueOn(asked(status, 0, null, 0), LocalDate.of(2027, 2, 1))).as(status).isEmpty();
        }
    }

    @Test
    void theReminderSaysSoFirst() {
        assertThat(PendingConsent.reminder("May we talk to Dee?")).isEqualTo("Reminder: May we talk to Dee?");
        assertThat(PendingConsent.reminder(null)).isNull();
    }
}
