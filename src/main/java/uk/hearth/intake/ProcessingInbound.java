package uk.hearth.intake;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.hearth.complaint.AcknowledgementFacts;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseReason;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.ConsentState;
import uk.hearth.complaint.DeadlineCalculator;
import uk.hearth.complaint.Deadlines;
import uk.hearth.complaint.NewCase;
import uk.hearth.complaint.Outbox;
import uk.hearth.intake.triage.Triage;
import uk.hearth.intake.triage.TriageDecision;
import uk.hearth.intake.triage.TriageInput;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OutboundReply;

/**
 * Turns a stored inbound message into a case and a queued acknowledgement. Runs inside the caller's
 * transaction, so the case, its events, the acknowledgement and the inbox status commit together.
 * Processing a message twice returns the first outcome.
 */
public final class ProcessingInbound {
    private static final int UNDERSTANDING_MAX = 280;

    private final Inbox inbox;
    private final Cases cases;
    private final Outbox outbox;
    private final Triage triage;
    private final DeadlineCalculator deadlines;
    private final Acknowledgements acknowledgements;
    private final ReplyRouting replyRouting;
    private final Clock clock;
    private final ZoneId zone;

    public ProcessingInbound(Inbox inbox, Cases cases, Outbox outbox, Triage triage, DeadlineCalculator deadlines,
                             Acknowledgements acknowledgements, ReplyChannels replyChannels, Clock clock,
                             ZoneId zone) {
        this.inbox = inbox;
        this.cases = cases;
        this.outbox = outbox;
        this.triage = triage;
        this.deadlines = deadlines;
        this.acknowledgements = acknowledgements;
        this.replyRouting = new ReplyRouting(replyChannels);
        this.clock = clock;
        this.zone = zone;
    }

    /** @return empty when no such message exists */
    public Optional<Processed> process(long inboundId) {
        return inbox.lock(inboundId).map(stored -> stored.status() == StoredInbound.Status.PROCESSED
                ? alreadyProcessed(stored)
                : register(stored));
    }

    private Processed alreadyProcessed(StoredInbound stored) {
        return cases.summary(stored.caseId())
                .map(c -> Processed.of(stored.id(), c))
                .orElseThrow(() -> new IllegalStateException("inbound " + stored.id() + " has no case"));
    }

    private Processed register(StoredInbound stored) {
        InboundMessage message = stored.message();
        TriageDecision decision = triage.classify(new TriageInput(message.text(), message.subject(),
                message.channel().value(), message.writtenForSomeoneElse(),
                message.writtenForSomeoneElse() ? message.onBehalfOf().relationship() : null, message.language()));
        CaseClass caseClass = decision.caseClass();
        int stage = caseClass == CaseClass.ESCALATION ? 2 : 1;
        boolean representative = decision.representative() || message.writtenForSomeoneElse();
        CaseStatus status = representative ? CaseStatus.AWAITING_CONSENT : CaseStatus.OPEN;
        ReplyRouting.Target target = replyRouting.choose(message);
        Deadlines due = deadlines.forNewCase(caseClass, stage, message.receivedAt(), decision.hazard(),
                target.automatic());
        CaseReference reference = cases.nextReference(message.receivedAt().atZone(zone).getYear());
        List<CaseReason> reasons = decision.reasons().stream()
                .map(r -> new CaseReason(r.rule(), r.explanation())).toList();

        long caseId = cases.add(new NewCase(reference, caseClass, stage, status, message.channel(),
                message.preferredContact(), message.language(), message.sender(), message.onBehalfOf(),
                new NewCase.Flags(decision.hazard(), decision.vulnerability(), representative,
                        decision.representativeRole(), decision.needsClarification()),
                representative ? ConsentState.PENDING : ConsentState.NOT_REQUIRED,
                message.receivedAt(), due, reasons, deadlines.profile().id()));

        cases.recordEvent(caseId, "received", receivedDetail(message), message.receivedAt());
        cases.recordEvent(caseId, "classified", caseClass.wireName() + " (stage " + stage + "): "
                + reasons.stream().map(CaseReason::explanation).collect(Collectors.joining("; ")), clock.instant());
        acknowledge(caseId, message, reference, caseClass, stage, status, due, decision, target);
        inbox.markProcessed(stored.id(), caseId);
        return new Processed(stored.id(), reference, caseClass, status, message.channel().value(),
                due.acknowledgeBy(), due.respondBy(), target.channel().value(), !target.automatic(),
                decision.hazard());
    }

    private void acknowledge(long caseId, InboundMessage message, CaseReference reference, CaseClass caseClass,
                             int stage, CaseStatus status, Deadlines due, TriageDecision decision,
                             ReplyRouting.Target target) {
        AcknowledgementFacts facts = new AcknowledgementFacts(reference, caseClass, stage, status, target.channel(),
                message.language(), recipientName(message), understanding(message.text()), due,
                decision.hazard(), status == CaseStatus.AWAITING_CONSENT, decision.needsClarification(),
                deadlines.profile());
        Acknowledgements.Written written = acknowledgements.write(facts);
        OutboundReply reply = new OutboundReply(target.channel(), target.recipient(), written.subject(),
                written.body());
        if (target.automatic()) {
            outbox.enqueue(caseId, "acknowledgement", reply);
            cases.recordEvent(caseId, "acknowledgement_queued", "by " + target.channel(), clock.instant());
        } else {
            outbox.recordManual(caseId, "acknowledgement", reply);
            cases.recordEvent(caseId, "acknowledgement_due", "staff to acknowledge by " + target.channel()
                    + " by " + due.acknowledgeBy(), clock.instant());
        }
    }

    private static String receivedDetail(InboundMessage message) {
        String via = message.madeVia() == null ? "" : ", made " + message.madeVia().replace('_', ' ');
        String by = message.source().isBlank() ? "" : " from " + message.source();
        return "by " + message.channel() + by + via;
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
