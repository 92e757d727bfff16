package uk.hearth.infrastructure.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import uk.hearth.complaint.WorkingDayCalendar;

/**
 * A case waiting for the tenant's consent, with the request we sent them and the reminders since.
 *
 * @param requestStatus   the outbox status of the latest consent request; only a SENT one is chased (a request
 *                        staff owe by letter or phone is theirs to follow up)
 * @param lastReminderAt  when the latest reminder went (or was queued), null before the first
 * @param unsentReminders reminders still waiting in the outbox
 */
record PendingConsent(long caseId, String channel, String recipient, String subject, String body,
                      String requestStatus, Instant requestSentAt, int reminders, Instant lastReminderAt,
                      int unsentReminders) {

    /**
     * The number of the reminder due today, if one is: {@code afterWorkingDays} working days after the request or
     * the last reminder, never more than {@code maxReminders}, never while one is still waiting to go.
     */
    Optional<Integer> reminderDue(LocalDate today, ZoneId zone, WorkingDayCalendar calendar, int afterWorkingDays,
                                  int maxReminders) {
        if (!"SENT".equals(requestStatus) || requestSentAt == null || recipient == null || unsentReminders > 0
                || reminders >= maxReminders) {
            return Optional.empty();
        }
        Instant last = reminders == 0 || lastReminderAt == null ? requestSentAt : lastReminderAt;
        LocalDate due = calendar.addWorkingDays(last.atZone(zone).toLocalDate(), afterWorkingDays);
        return today.isBefore(due) ? Optional.empty() : Optional.of(reminders + 1);
    }

    static String reminder(String text) {
        return text == null ? null : "Reminder: " + text;
    }
}
