package uk.hearth.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseConflict;
import uk.hearth.complaint.CaseFile;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.DeadlineCalculator;
import uk.hearth.complaint.Deadlines;
import uk.hearth.complaint.NoSuchCase;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OutboundReply;

/**
 * What staff do with a complaint after it is acknowledged (Code 5 and 6): record a manual acknowledgement,
 * record a stage's response, extend a deadline within the policy's limit (the resident is told the new date and
 * the Ombudsman's details), escalate to stage 2 or refuse it only on a ground the policy allows, and close.
 * Every change is on the audit trail.
 */
public final class ProgressingCase {
    private static final List<String> OUTCOMES = List.of("upheld", "partly_upheld", "not_upheld", "resolved",
            "withdrawn");

    private final IntakePorts ports;
    private final Cases cases;
    private final DeadlineCalculator deadlines;
    private final ReplyRouting routing;
    private final Acknowledging acknowledging;
    private final Clock clock;

    public ProgressingCase(IntakePorts ports, DeadlineCalculator deadlines, Clock clock) {
        this.ports = ports;
        this.cases = ports.cases();
        this.deadlines = deadlines;
        this.routing = ReplyRouting.of(ports);
        this.acknowledging = Acknowledging.of(ports, deadlines.profile(), clock);
        this.clock = clock;
    }

    public void acknowledged(String reference, Instant sentAt, String how, String by) {
        CaseFile c = find(reference);
        int made = ports.outbox().markManualSent(c.id(), "acknowledgement", sentAt);
        if (made == 0) {
            throw new CaseConflict(reference + " has no acknowledgement due from staff");
        }
        cases.recordEvent(c.id(), "acknowledgement_sent", "by " + how + ", recorded by " + by, clock.instant());
    }

    public void respond(String reference, int stage, Instant sentAt, String outcome, String by) {
        CaseFile c = complaint(reference);
        if (stage != c.stage()) {
            throw new CaseConflict(reference + " is at stage " + c.stage() + ", not stage " + stage);
        }
        if (!OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("outcome must be one of " + String.join(", ", OUTCOMES));
        }
        cases.recordResponse(c.id(), stage, sentAt, outcome);
        cases.recordEvent(c.id(), "stage" + stage + "_response", outcome.replace('_', ' ') + ", sent "
                + sentAt + ", recorded by " + by, clock.instant());
        if (stage == 2) {
            cases.close(c.id(), "stage 2 response sent: the complaints procedure is complete");
            cases.recordEvent(c.id(), "closed", "stage 2 response sent", clock.instant());
        }
    }

    /** @return the new response date */
    public LocalDate extend(String reference, int workingDays, String reason, String by) {
        CaseFile c = complaint(reference);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an extension needs a reason the resident can be told");
        }
        PolicyProfile.Stage stage = deadlines.profile().stage(c.stage());
        int already = cases.extendedWorkingDays(c.id(), c.stage());
        if (workingDays < 1 || already + workingDays > stage.maxExtensionWorkingDays()) {
            throw new CaseConflict("the policy allows at most " + stage.maxExtensionWorkingDays() + " working days of"
                    + " extension at stage " + c.stage() + " (" + already + " used); agree a later date with the"
                    + " resident instead and tell them about the Housing Ombudsman");
        }
        LocalDate previous = c.deadlines().respondBy();
        LocalDate next = deadlines.extend(previous, workingDays);
        cases.recordExtension(c.id(), c.stage(), workingDays, reason.strip(), previous, next, by);
        cases.recordEvent(c.id(), "extended", "stage " + c.stage() + " response moved from " + previous + " to " + next
                + " (" + workingDays + " working days): " + reason.strip() + "; recorded by " + by, clock.instant());
        Map<String, Object> values = new HashMap<>();
        values.put("newDate", next.toString());
        values.put("reason", reason.strip());
        tellResident(c, "extension", values);
        return next;
    }

    /** @param refusal null to escalate; otherwise one of the policy's grounds for refusing stage 2 */
    public void escalate(String reference, String refusal, String by) {
        CaseFile c = complaint(reference);
        if (c.stage() == 2) {
            throw new CaseConflict(reference + " is already at stage 2");
        }
        if (refusal != null) {
            List<String> allowed = deadlines.profile().accepting().escalationRefusalReasons();
            if (!allowed.contains(refusal)) {
                throw new IllegalArgumentException("stage 2 may be refused only on these grounds of the policy: "
                        + String.join(", ", allowed));
            }
            String why = refusal.replace('_', ' ');
            cases.exclude(c.id(), "stage 2 refused: " + why);
            cases.recordEvent(c.id(), "escalation_refused", why + "; recorded by " + by, clock.instant());
            Map<String, Object> values = new HashMap<>();
            values.put("reason", why);
            tellResident(c, "escalation-refused", values);
            return;
        }
        InboundMessage first = ports.inbox().openingMessage(c.id())
                .orElseThrow(() -> new CaseConflict(reference + " has no message to acknowledge"));
        ReplyRouting.Target target = routing.choose(first);
        Deadlines due = deadlines.forNewCase(CaseClass.ESCALATION, 2, clock.instant(), c.flags().hazard(),
                target.automatic());
        cases.escalate(c.id(), due);
        cases.recordEvent(c.id(), "escalated", "stage 2 by " + by + "; respond by " + due.respondBy(), clock.instant());
        if (disclosable(c)) {
            acknowledging.acknowledge(c.id(), first, c.reference(), CaseClass.ESCALATION, 2, c.status(), due,
                    c.flags().hazard(), false, target);
        }
    }

    public void close(String reference, String reason, String by) {
        CaseFile c = find(reference);
        if (c.status() == CaseStatus.CLOSED) {
            throw new CaseConflict(reference + " is already closed");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("closing a case needs a reason");
        }
        cases.close(c.id(), reason.strip());
        cases.recordEvent(c.id(), "closed", reason.strip() + "; by " + by, clock.instant());
    }

    private void tellResident(CaseFile c, String kind, Map<String, Object> values) {
        if (!disclosable(c)) {
            cases.recordEvent(c.id(), kind + "_not_sent", "the representative has no consent: staff to tell the tenant",
                    clock.instant());
            return;
        }
        ReplyRouting.Target target = routing.alternative(c.contact(), c.preferredContact(), c.channel(), Set.of());
        values.put("reference", c.reference().value());
        values.put("name", c.contact().name());
        var ombudsman = deadlines.profile().ombudsman();
        values.put("ombudsman", Map.of("name", ombudsman.name(), "phone", ombudsman.phone(),
                "website", ombudsman.website(), "address", ombudsman.address()));
        Acknowledgements.Written written = ports.wording().write(kind, target.channel(), c.language(), values);
        OutboundReply reply = new OutboundReply(target.channel(), target.recipient(), written.subject(), written.body());
        String outboxKind = kind.replace('-', '_');
        if (target.automatic()) {
            ports.outbox().enqueue(c.id(), outboxKind, reply);
        } else {
            ports.outbox().recordManual(c.id(), outboxKind, reply);
        }
    }

    private static boolean disclosable(CaseFile c) {
        return c.consentState().name().matches("NOT_REQUIRED|GIVEN|IMPLIED");
    }

    private CaseFile complaint(String reference) {
        CaseFile c = find(reference);
        if (!c.caseClass().isComplaint()) {
            throw new CaseConflict(reference + " is a " + c.caseClass().wireName().replace('_', ' ')
                    + ", not a complaint");
        }
        if (c.status() == CaseStatus.CLOSED) {
            throw new CaseConflict(reference + " is closed");
        }
        return c;
    }

    private CaseFile find(String reference) {
        String value = reference.strip().toUpperCase(Locale.ROOT);
        if (!CaseReference.FORMAT.matcher(value).matches()) {
            throw new NoSuchCase(reference);
        }
        return cases.find(new CaseReference(value)).orElseThrow(() -> new NoSuchCase(reference));
    }
}
