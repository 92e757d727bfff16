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
        LocalDate respondFrom = timescales.respondFrom() == PolicyProfile.Stage.From.RECEIPT ? dayZero : acknowledged;
        LocalDate respondBy = switch (caseClass) {
            case COMPLAINT, ESCALATION -> calendar.addWorkingDays(respondFrom, timescales.respondWorkingDays());
            case SERVICE_REQUEST, ENQUIRY -> calendar.addWorkingDays(dayZero, profile.otherResponseWorkingDays());
            case COMPLIMENT -> null;
        };
        Instant makeSafeBy = hazard ? received.plus(Duration.ofHours(profile.hazardMakeSafeHours())) : null;
        return new Deadlines(dayZero, acknowledgeBy, respondBy, makeSafeBy);
    }

    /**
     * Awaab's Law (Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025): a report of
     * damp and mould must be investigated within 10 working days of the landlord becoming aware of it.
     */
    static final int DAMP_MOULD_INVESTIGATE_WORKING_DAYS = 10;

    public LocalDate dampAndMouldInvestigateBy(Instant received) {
        return calendar.addWorkingDays(calendar.dayZero(received), DAMP_MOULD_INVESTIGATE_WORKING_DAYS);
    }

    /** Beyond Housing's concern tier: the day by which a concern must be resolved before it becomes stage 1. */
    public LocalDate concernResolveBy(Instant received) {
        return calendar.addWorkingDays(calendar.dayZero(received), profile.accepting().concernWorkingDays());
    }

    /** A response date moved on by {@code workingDays}. */
    public LocalDate extend(LocalDate respondBy, int workingDays) {
        return calendar.addWorkingDays(respondBy, workingDays);
    }

    /** True when the issue, by the sender's account, began longer ago than the policy's time limit. */
    public boolean beyondTimeLimit(Instant received, java.time.Period issueAge) {
        int limit = profile.accepting().timeLimitMonths();
        return limit > 0 && issueAge != null && issueAge.toTotalMonths() > limit;
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
