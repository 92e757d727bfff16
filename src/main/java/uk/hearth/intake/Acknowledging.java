package uk.hearth.intake;

import java.time.Clock;
import uk.hearth.complaint.AcknowledgementFacts;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.Deadlines;
import uk.hearth.complaint.NewCase;
import uk.hearth.complaint.Outbox;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.intake.triage.TriageDecision;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OutboundReply;

/** Writes an acknowledgement from the landlord's templates and queues it, or leaves it due from staff. */
final class Acknowledging {
    private static final int UNDERSTANDING_MAX = 280;

    private final Outbox outbox;
    private final Cases cases;
    private final Acknowledgements acknowledgements;
    private final PolicyProfile profile;
    private final Clock clock;

    Acknowledging(Outbox outbox, Cases cases, Acknowledgements acknowledgements, PolicyProfile profile, Clock clock) {
        this.outbox = outbox;
        this.cases = cases;
        this.acknowledgements = acknowledgements;
        this.profile = profile;
        this.clock = clock;
    }

    static Acknowledging of(IntakePorts ports, PolicyProfile profile, Clock clock) {
        return new Acknowledging(ports.outbox(), ports.cases(), ports.acknowledgements(), profile, clock);
    }

    void acknowledge(long caseId, InboundMessage message, CaseReference reference, CaseClass caseClass, int stage,
                     CaseStatus status, Deadlines due, TriageDecision decision, ReplyRouting.Target target) {
        acknowledge(caseId, message, reference, caseClass, stage, status, due, decision.hazard(),
                decision.needsClarification(), target, NewCase.Admission.ACCEPTED, false, decision.hazardKinds(),
                decision.surveyRemark());
    }

    void acknowledge(long caseId, InboundMessage message, CaseReference reference, CaseClass caseClass, int stage,
                     CaseStatus status, Deadlines due, boolean hazard, boolean needsClarification,
                     ReplyRouting.Target target) {
        acknowledge(caseId, message, reference, caseClass, stage, status, due, hazard, needsClarification, target,
                NewCase.Admission.ACCEPTED, false, java.util.Set.of(), false);
    }

    void acknowledge(long caseId, InboundMessage message, CaseReference reference, CaseClass caseClass, int stage,
                     CaseStatus status, Deadlines due, boolean hazard, boolean needsClarification,
                     ReplyRouting.Target target, NewCase.Admission admission, boolean mayBeTooOld,
                     java.util.Set<String> hazardKinds, boolean surveyRemark) {
        AcknowledgementFacts facts = new AcknowledgementFacts(reference, caseClass, stage, status, target.channel(),
                message.language(), recipientName(message), understanding(message.text()), due,
                hazard, status == CaseStatus.AWAITING_CONSENT, needsClarification, profile, admission, mayBeTooOld,
                hazardKinds, surveyRemark);
        Acknowledgements.Written written = acknowledgements.write(facts);
        OutboundReply reply = new OutboundReply(target.channel(), target.recipient(), written.subject(),
                written.body(), target.channel().equals(message.channel()) ? message.messageId() : null);
        if (written.full() != null) {
            cases.keepFullAcknowledgement(caseId, message.language(), written.full(), clock.instant());
        }
        if (target.automatic()) {
            outbox.enqueue(caseId, "acknowledgement", reply);
            cases.recordEvent(caseId, "acknowledgement_queued", "by " + target.channel(), clock.instant());
        } else {
            outbox.recordManual(caseId, "acknowledgement", reply);
            cases.recordEvent(caseId, "acknowledgement_due", "staff to acknowledge by " + target.channel()
                    + " by " + due.acknowledgeBy(), clock.instant());
        }
    }

    private static String recipientName(InboundMessage message) {
        String name = message.sender().name();
        return name == null || name.isBlank() ? null : name.trim();
    }

    /** The resident's own words, shortened: what we understood them to say. */
    static String understanding(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= UNDERSTANDING_MAX) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', UNDERSTANDING_MAX);
        return flat.substring(0, cut > UNDERSTANDING_MAX / 2 ? cut : UNDERSTANDING_MAX) + "…";
    }
}
