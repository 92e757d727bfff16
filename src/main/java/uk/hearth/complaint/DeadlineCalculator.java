package uk.hearth.complaint;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** Deadlines from the active policy profile and the working-day calendar. */
public final class DeadlineCalculator {
    private final WorkingDayCalendar calendar;
    private final PolicyProfile profile;

    public DeadlineCalculator(WorkingDayCalendar calendar, PolicyProfile profile) {
        this.calendar = calendar;
        this.profile = profile;
    }

    /**
     * @param acknowledgedOnReceipt true when an acknowledgement goes out automatically as the message is
     *                              processed; the response clock then starts on day zero rather than on the
     *                              last permitted acknowledgement date
     */
    public Deadlines forNewCase(CaseClass caseClass, int stage, Instant received, boolean hazard,
                                boolean acknowledgedOnReceipt) {
        LocalDate dayZero = calendar.dayZero(received);
        PolicyProfile.Stage timescales = profile.stage(stage);
        LocalDate acknowledgeBy = calendar.addWorkingDays(dayZero, timescales.acknowledgeWorkingDays());
        LocalDate acknowledged = acknowledgedOnReceipt ? dayZero : acknowledgeBy;
        LocalDate respondBy = switch (caseClass) {
            case COMPLAINT, ESCALATION -> calendar.addWorkingDays(acknowledged, timescales.respondWorkingDays());
            case SERVICE_REQUEST, ENQUIRY -> calendar.addWorkingDays(dayZero, profile.otherResponseWorkingDays());
            case COMPLIMENT -> null;
        };
        Instant makeSafeBy = hazard ? received.plus(Duration.ofHours(profile.hazardMakeSafeHours())) : null;
        return new Deadlines(dayZero, acknowledgeBy, respondBy, makeSafeBy);
    }

    /** The last day a resident may ask for stage 2, counted from the day of the stage 1 response. */
    public LocalDate escalationWindowEnds(Instant stage1Response) {
        LocalDate responded = stage1Response.atZone(calendar.zone()).toLocalDate();
        PolicyProfile.Period window = profile.escalationWindow();
        return switch (window.unit()) {
            case DAYS -> responded.plusDays(window.amount());
            case WEEKS -> responded.plusWeeks(window.amount());
            case WORKING_DAYS -> calendar.addWorkingDays(responded, window.amount());
        };
    }

    public java.time.ZoneId zone() {
        return calendar.zone();
    }

    public PolicyProfile profile() {
        return profile;
    }
}
