package uk.hearth.complaint;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working-day arithmetic for England and Wales complaint deadlines.
 *
 * <p>Complaint-handling time limits are counted in working days, so weekends and bank
 * holidays (including substitute days) must not count towards a deadline. Bank holidays
 * are supplied as data rather than computed, because substitute and one-off holidays
 * are announced by government and cannot be derived reliably from rules alone.
 *
 * <p>Dates outside the years covered by the data are still calculated (skipping weekends
 * only) so intake never stops; callers should check {@link #covers(LocalDate)} and warn.
 */
public final class WorkingDayCalendar {

    private final Set<LocalDate> bankHolidays;
    private final LocalTime workStart;
    private final LocalTime workEnd;
    private final ZoneId zone;
    private final LocalDate coveredFrom;
    private final LocalDate coveredUntil;

    public WorkingDayCalendar(Set<LocalDate> bankHolidays, LocalTime workStart, LocalTime workEnd, ZoneId zone) {
        Objects.requireNonNull(bankHolidays, "bankHolidays");
        this.workStart = Objects.requireNonNull(workStart, "workStart");
        this.workEnd = Objects.requireNonNull(workEnd, "workEnd");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (!workStart.isBefore(workEnd)) {
            throw new IllegalArgumentException(
                    "workStart " + workStart + " must be before workEnd " + workEnd);
        }
        TreeSet<LocalDate> sorted = new TreeSet<>(bankHolidays);
        this.bankHolidays = Set.copyOf(sorted);
        // An empty list covers nothing: every date is then treated as "unknown".
        this.coveredFrom = sorted.isEmpty() ? null : LocalDate.of(sorted.first().getYear(), 1, 1);
        this.coveredUntil = sorted.isEmpty() ? null : LocalDate.of(sorted.last().getYear(), 12, 31);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
    }

    /**
     * The date a message counts as received ("day zero"). Anything arriving before close of
     * business on a working day counts that day, even before opening, because the landlord
     * had the whole working day to see it; anything later counts from the next working day.
     */
    public LocalDate dayZero(Instant received) {
        ZonedDateTime local = received.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (isWorkingDay(date) && local.toLocalTime().isBefore(workEnd)) {
            return date;
        }
        return nextWorkingDay(date);
    }

    /** The date {@code days} working days after {@code from}; {@code from} itself is not counted. */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        Objects.requireNonNull(from, "from");
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate date = from;
        for (int i = 0; i < days; i++) {
            date = nextWorkingDay(date);
        }
        return date;
    }

    /** True when {@code d} falls in a year the bank-holiday data covers, so results are trustworthy. */
    public boolean covers(LocalDate d) {
        return coveredFrom != null && !d.isBefore(coveredFrom) && !d.isAfter(coveredUntil);
    }

    /** 1 January of the first year in the data, or null if there is no data. */
    public LocalDate coveredFrom() {
        return coveredFrom;
    }

    /** 31 December of the last year in the data, or null if there is no data. */
    public LocalDate coveredUntil() {
        return coveredUntil;
    }

    public LocalTime workStart() {
        return workStart;
    }

    public LocalTime workEnd() {
        return workEnd;
    }

    public ZoneId zone() {
        return zone;
    }

    private LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
