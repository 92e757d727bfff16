package uk.hearth.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final WorkingDayCalendar CAL = new WorkingDayCalendar(
            BankHolidays.load(Path.of("config/bank-holidays-england-and-wales.csv")),
            LocalTime.of(9, 0), LocalTime.of(17, 0), LONDON);

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void weekendsAreNotWorkingDays() {
        assertThat(CAL.isWorkingDay(d("2026-03-07"))).isFalse(); // Saturday
        assertThat(CAL.isWorkingDay(d("2026-03-08"))).isFalse(); // Sunday
        assertThat(CAL.isWorkingDay(d("2026-03-09"))).isTrue();  // Monday
    }

    @Test
    void addWorkingDaysSkipsWeekends() {
        // Thu 5 Mar 2026 + 2 -> Fri 6, Mon 9
        assertThat(CAL.addWorkingDays(d("2026-03-05"), 2)).isEqualTo(d("2026-03-09"));
        // Mon 2 Mar 2026 + 5 -> following Monday
        assertThat(CAL.addWorkingDays(d("2026-03-02"), 5)).isEqualTo(d("2026-03-09"));
    }

    @Test
    void bankHolidayIsSkipped() {
        assertThat(CAL.isWorkingDay(d("2026-05-04"))).isFalse(); // Early May bank holiday
        // Fri 1 May 2026 + 1 -> Mon 4 May is a holiday -> Tue 5 May
        assertThat(CAL.addWorkingDays(d("2026-05-01"), 1)).isEqualTo(d("2026-05-05"));
    }

    @Test
    void substituteDayIsSkipped() {
        assertThat(CAL.isWorkingDay(d("2026-12-28"))).isFalse(); // Boxing Day substitute (Monday)
        assertThat(CAL.isWorkingDay(d("2026-12-29"))).isTrue();
    }

    @Test
    void christmas2026Run() {
        LocalDate dayZero = CAL.dayZero(london("2026-12-24T10:00"));
        assertThat(dayZero).isEqualTo(d("2026-12-24"));
        // 29, 30, 31 Dec; 1 Jan holiday; 4, 5 Jan
        assertThat(CAL.addWorkingDays(dayZero, 5)).isEqualTo(d("2027-01-05"));
    }

    @Test
    void fridayEveningCountsFromMonday() {
        assertThat(CAL.dayZero(london("2026-03-06T18:30"))).isEqualTo(d("2026-03-09"));
    }

    @Test
    void closingTimeItselfIsAfterHours() {
        assertThat(CAL.dayZero(london("2026-03-06T17:00"))).isEqualTo(d("2026-03-09"));
        assertThat(CAL.dayZero(london("2026-03-06T16:59"))).isEqualTo(d("2026-03-06"));
    }

    @Test
    void saturdayCountsFromMonday() {
        assertThat(CAL.dayZero(london("2026-03-07T11:00"))).isEqualTo(d("2026-03-09"));
    }

    @Test
    void earlyMorningOnWorkingDayCountsSameDay() {
        assertThat(CAL.dayZero(london("2026-03-04T07:00"))).isEqualTo(d("2026-03-04"));
    }

    @Test
    void receivedOnBankHolidayCountsFromNextWorkingDay() {
        assertThat(CAL.dayZero(london("2026-05-04T10:00"))).isEqualTo(d("2026-05-05"));
    }

    @Test
    void afterHoursBeforeBankHolidayCountsFromDayAfterHoliday() {
        // Fri 28 Aug 2026 evening; Mon 31 Aug is the Summer bank holiday
        assertThat(CAL.dayZero(london("2026-08-28T18:00"))).isEqualTo(d("2026-09-01"));
        // Thu 17 Apr 2025 evening; Good Friday, weekend, Easter Monday follow
        assertThat(CAL.dayZero(london("2025-04-17T17:30"))).isEqualTo(d("2025-04-22"));
    }

    @Test
    void britishSummerTimeIsRespected() {
        // 16:30Z in June is 17:30 BST: after a 17:00 close
        assertThat(CAL.dayZero(Instant.parse("2026-06-01T16:30:00Z"))).isEqualTo(d("2026-06-02"));
        // 16:30Z in December is 16:30 GMT: within hours
        assertThat(CAL.dayZero(Instant.parse("2026-12-01T16:30:00Z"))).isEqualTo(d("2026-12-01"));
    }

    @Test
    void addingZeroDaysReturnsSameDate() {
        assertThat(CAL.addWorkingDays(d("2026-03-04"), 0)).isEqualTo(d("2026-03-04"));
        assertThat(CAL.addWorkingDays(d("2026-03-07"), 0)).isEqualTo(d("2026-03-07"));
    }

    @Test
    void negativeDaysAreRejected() {
        assertThatThrownBy(() -> CAL.addWorkingDays(d("2026-03-04"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coverageFollowsTheDataYears() {
        assertThat(CAL.coveredFrom()).isEqualTo(d("2025-01-01"));
        assertThat(CAL.coveredUntil()).isEqualTo(d("2028-12-31"));
        assertThat(CAL.covers(d("2025-01-01"))).isTrue();
        assertThat(CAL.covers(d("2028-12-31"))).isTrue();
        assertThat(CAL.covers(d("2024-12-31"))).isFalse();
        assertThat(CAL.covers(d("2029-01-01"))).isFalse();
    }

    @Test
    void outsideCoveredYearsStillSkipsWeekends() {
        // Fri 28 Dec 2029 + 1 -> Mon 31 Dec 2029 (no holiday data, weekends only)
        assertThat(CAL.addWorkingDays(d("2029-12-28"), 1)).isEqualTo(d("2029-12-31"));
        // Sat 6 Jan 2024 -> Mon 8 Jan 2024
        assertThat(CAL.dayZero(london("2024-01-06T10:00"))).isEqualTo(d("2024-01-08"));
    }

    @Test
    void emptyDataCoversNothing() {
        WorkingDayCalendar cal = new WorkingDayCalendar(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), LONDON);
        assertThat(cal.covers(d("2026-03-04"))).isFalse();
        assertThat(cal.coveredFrom()).isNull();
        assertThat(cal.isWorkingDay(d("2026-12-25"))).isTrue();
    }

    @Test
    void constructorValidatesArguments() {
        assertThatThrownBy(() -> new WorkingDayCalendar(Set.of(), LocalTime.of(17, 0), LocalTime.of(9, 0), LONDON))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingDayCalendar(Set.of(), LocalTime.of(9, 0), LocalTime.of(9, 0), LONDON))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingDayCalendar(null, LocalTime.of(9, 0), LocalTime.of(17, 0), LONDON))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WorkingDayCalendar(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), null))
                .isInstanceOf(NullPointerException.class);
    }
}
