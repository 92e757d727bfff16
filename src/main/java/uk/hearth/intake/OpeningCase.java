package uk.hearth.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseFile;
import uk.hearth.complaint.CaseReason;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.CaseSummary;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.ConsentState;
import uk.hearth.complaint.DeadlineCalculator;
import uk.hearth.complaint.Deadlines;
import uk.hearth.complaint.NewCase;
import uk.hearth.intake.consent.ConsentCheck;
import uk.hearth.intake.consent.ConsentDecision;
import uk.hearth.intake.consent.ConsentRecord;
import uk.hearth.intake.consent.Tenancy;
import uk.hearth.intake.triage.TriageDecision;
import uk.hearth.message.InboundMessage;

/** Opens a case for a message that continues none: deadlines, reasons, audit trail and the acknowledgement. */
final class OpeningCase {
    private final Cases cases;
    private final DeadlineCalculator deadlines;
    private final ReplyRouting replyRouting;
    private final Acknowledging acknowledging;
    private final ConsentCheck consentCheck;
    private final AskingTenant askingTenant;
    private final Admitting admitting;
    private final Clock clock;
    private final ZoneId zone;

    OpeningCase(Cases cases, DeadlineCalculator deadlines, ReplyRouting replyRouting, Acknowledging acknowledging,
                ConsentCheck consentCheck, AskingTenant askingTenant, Clock clock, ZoneId zone) {
        this.consentCheck = consentCheck;
        this.askingTenant = askingTenant;
        this.admitting = new Admitting(deadlines);
        this.cases = cases;
        this.deadlines = deadlines;
        this.replyRouting = replyRouting;
        this.acknowledging = acknowledging;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * @param related   a case this one grows out of or refers to, or null
     * @param attention why staff must look at the new case themselves, or null
     * @return the new case as written, with its acknowledgement: what reading it back would give
     */
    CaseSummary open(InboundMessage message, TriageDecision decision, CaseClass caseClass, CaseFile related,
              String attention) {
        int stage = caseClass == CaseClass.ESCALATION ? 2 : 1;
        boolean representative = decision.representative() || message.writtenForSomeoneElse();
        CaseReference reference = cases.nextReference(message.receivedAt().atZone(zone).getYear());
        ConsentDecision consent = consentCheck.decide(new ConsentCheck.Situation(message, representative,
                decision.representativeRole(), reference, clock.instant()));
        Admitting.Outcome admitted = admitting.admit(message, decision, caseClass);
        CaseStatus status = admitted.excluded() ? CaseStatus.CLOSED
                : consent.state() == ConsentState.PENDING ? CaseStatus.AWAITING_CONSENT : CaseStatus.OPEN;
        ReplyRouting.Target target = replyRouting.choose(message);
        Deadlines due = deadlines.forNewCase(caseClass, stage, message.receivedAt(), decision.hazard(),
                target.automatic());
        if (decision.dampAndMould()) {
            due = due.withInvestigateBy(deadlines.dampAndMouldInvestigateBy(message.receivedAt()));
        }
        LocalDate concernBy = admitted.admission().concernResolveBy();
        if (concernBy != null) {
            due = new Deadlines(due.dayZero(), due.acknowledgeBy(), concernBy, due.makeSafeBy(), due.investigateBy());
        }
        String staffAttention = attention == null ? admitted.attention()
                : admitted.attention() == null ? attention : attention + "; " + admitted.attention();
        List<CaseReason> reasons = decision.reasons().stream()
                .map(r -> new CaseReason(r.rule(), r.explanation())).toList();

        long caseId = cases.add(new NewCase(reference, caseClass, stage, status, message.channel(),
                message.preferredContact(), message.language(), message.sender(), message.onBehalfOf(),
                new NewCase.Flags(decision.hazard(), decision.vulnerability(), representative,
                        decision.representativeRole(), decision.needsClarification(), decision.hazardKinds()),
                consent.state(), message.receivedAt(), due, reasons, deadlines.profile().id(),
                related == null ? null : related.id(), staffAttention,
                consent.tenant().map(Tenancy::reference).orElse(null),
                consent.consent().map(ConsentRecord::id).orElse(null), admitted.admission()));

        cases.recordEvent(caseId, "received", receivedDetail(message), message.receivedAt());
        cases.recordEvent(caseId, "classified", caseClass.wireName() + " (stage " + stage + "): "
                + reasons.stream().map(CaseReason::explanation).collect(Collectors.joining("; ")), clock.instant());
        if (related != null) {
            cases.recordEvent(caseId, "related", "refers to " + related.reference() + " ("
                    + related.caseClass().wireName() + ", " + related.status().wireName() + ")", clock.instant());
        }
        if (attention != null) {
            cases.recordEvent(caseId, "staff_attention", attention, clock.instant());
        }
        if (representative) {
            cases.recordEvent(caseId, "consent_checked", consent.reason(), clock.instant());
        } else {
            consent.tenant().ifPresent(t -> cases.recordEvent(caseId, "tenant_recognised",
                    "the sender is the tenant of tenancy " + t.reference(), clock.instant()));
        }
        if (due.investigateBy() != null) {
            cases.recordEvent(caseId, "damp_mould_reported", "damp or mould in the home: to be investigated by "
                    + due.investigateBy() + " (Awaab's Law)", clock.instant());
        }
        if (decision.hazard()) {
            cases.recordEvent(caseId, "hazard_reported", "possible " + String.join(", ", decision.hazardKinds())
                    .replace('_', ' ') + ": urgent, to be made safe by " + due.makeSafeBy(), clock.instant());
        }
        for (String note : admitted.notes()) {
            cases.recordEvent(caseId, "policy", note, clock.instant());
        }
        acknowledging.acknowledge(caseId, message, reference, caseClass, stage, status, due, decision.hazard(),
                decision.needsClarification(), target, admitted.admission(), admitted.mayBeTooOld(),
                decision.hazardKinds(), decision.surveyRemark());
        if (!admitted.excluded() && consent.state() == ConsentState.PENDING && consent.tenant().isPresent()) {
            askingTenant.ask(caseId, reference, consent.tenant().get(), message);
        }
        return new CaseSummary(caseId, reference, caseClass, status, message.channel().value(), due.acknowledgeBy(),
                due.respondBy(), target.channel().value(), !target.automatic(), decision.hazard());
    }

    static String receivedDetail(InboundMessage message) {
        String via = message.madeVia() == null ? "" : ", made " + message.madeVia().replace('_', ' ');
        String by = message.source().isBlank() ? "" : " from " + message.source();
        String files = message.attachments().isEmpty() ? "" : ", with " + message.attachments().size()
                + (message.attachments().size() == 1 ? " attachment" : " attachments");
        return "by " + message.channel() + by + via + files;
    }
}
