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

    public PolicyProfile profile() {
        return profile;
    }
}
