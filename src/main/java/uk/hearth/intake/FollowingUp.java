package uk.hearth.intake;

import java.time.Clock;
import java.time.LocalDate;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseFile;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.DeadlineCalculator;
import uk.hearth.complaint.Deadlines;
import uk.hearth.intake.triage.TriageDecision;
import uk.hearth.message.InboundMessage;

/**
 * What a message that continues an open case does to it (Code 4 and 6; Bury 4.2, Berneslai 5):
 * <ul>
 *   <li>dissatisfaction with an open service request or enquiry opens a complaint linked to it, and the
 *       request carries on;</li>
 *   <li>a further complaint before the stage 1 response joins that complaint; after it, it is a new complaint;</li>
 *   <li>a request for stage 2 after the stage 1 response moves the complaint to stage 2 inside the policy's
 *       escalation window, and outside it is left for staff to decide, never refused automatically;</li>
 *   <li>anything else is added to the case. A hazard in a follow-up makes the case urgent.</li>
 * </ul>
 */
final class FollowingUp {
    private final Cases cases;
    private final DeadlineCalculator deadlines;
    private final ReplyRouting replyRouting;
    private final Acknowledging acknowledging;
    private final OpeningCase opening;
    private final Clock clock;

    FollowingUp(Cases cases, DeadlineCalculator deadlines, ReplyRouting replyRouting, Acknowledging acknowledging,
                OpeningCase opening, Clock clock) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.replyRouting = replyRouting;
        this.acknowledging = acknowledging;
        this.opening = opening;
        this.clock = clock;
    }

    /** @return the id of the case the message now belongs to (a new linked complaint, or {@code open}) */
    long continueCase(CaseFile open, InboundMessage message, TriageDecision decision, String how) {
        CaseClass said = decision.caseClass();
        cases.recordEvent(open.id(), "follow_up", OpeningCase.receivedDetail(message) + "; " + how + "; reads as "
                + said.wireName(), message.receivedAt());
        if (decision.hazard() && !open.flags().hazard()) {
            cases.markHazard(open.id(), message.receivedAt().plus(
                    java.time.Duration.ofHours(deadlines.profile().hazardMakeSafeHours())));
            cases.recordEvent(open.id(), "hazard_reported", "a possible hazard in a follow-up: the case is urgent",
                    clock.instant());
        }
        boolean complaintCase = open.caseClass().isComplaint();
        boolean responded = open.stage1RespondedAt() != null;
        if (!complaintCase && said.isComplaint()) {
            return linkedComplaint(open, message, decision, "dissatisfaction with the handling of "
                    + open.reference() + ": a complaint, while the " + open.caseClass().wireName().replace('_', ' ')
                    + " carries on");
        }
        if (complaintCase && said == CaseClass.ESCALATION && open.stage() == 1 && responded) {
            return escalate(open, message, decision);
        }
        if (complaintCase && said == CaseClass.COMPLAINT && responded) {
            return linkedComplaint(open, message, decision, "a further complaint after the stage 1 response to "
                    + open.reference() + ": a new complaint");
        }
        if (complaintCase && said == CaseClass.ESCALATION && !responded) {
            cases.recordEvent(open.id(), "note", "asks for stage 2 before the stage 1 response: added to the stage 1"
                    + " complaint", clock.instant());
        }
        return open.id();
    }

    private long linkedComplaint(CaseFile open, InboundMessage message, TriageDecision decision, String why) {
        long complaint = opening.open(message, decision, CaseClass.COMPLAINT, open, null).id();
        cases.recordEvent(open.id(), "complaint_opened", why, clock.instant());
        return complaint;
    }

    private long escalate(CaseFile open, InboundMessage message, TriageDecision decision) {
        LocalDate windowEnds = deadlines.escalationWindowEnds(open.stage1RespondedAt());
        LocalDate asked = message.receivedAt().atZone(deadlines.zone()).toLocalDate();
        if (asked.isAfter(windowEnds)) {
            cases.flagForStaff(open.id(), "asks for stage 2 on " + asked + ", after the escalation window ("
                    + deadlines.profile().escalationWindow() + " from the stage 1 response) ended on " + windowEnds
                    + ": staff to decide whether to escalate");
            cases.recordEvent(open.id(), "escalation_outside_window", "window ended " + windowEnds
                    + "; left to staff discretion", clock.instant());
            return open.id();
        }
        ReplyRouting.Target target = replyRouting.choose(message);
        Deadlines due = deadlines.forNewCase(CaseClass.ESCALATION, 2, message.receivedAt(),
                decision.hazard() || open.flags().hazard(), target.automatic());
        cases.escalate(open.id(), due);
        cases.recordEvent(open.id(), "escalated", "stage 2 at the resident's request, within the escalation window"
                + " (ends " + windowEnds + "); respond by " + due.respondBy(), clock.instant());
        acknowledging.acknowledge(open.id(), message, open.reference(), CaseClass.ESCALATION, 2, open.status(), due,
                decision, target);
        return open.id();
    }
}
