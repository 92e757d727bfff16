package uk.hearth.intake;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.DeadlineCalculator;
import uk.hearth.complaint.NewCase;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.intake.triage.TriageDecision;
import uk.hearth.message.InboundMessage;

/**
 * What the landlord's policy makes of a new complaint: an anonymous one is accepted (BeST 9) or excluded with an
 * explanation (Bury 9.1); one about an old issue is flagged for staff discretion, never refused here (Bury 9.1,
 * Berneslai); under a concern tier (Beyond Housing 3.1) dissatisfaction is first a concern unless the resident
 * asks for a formal complaint.
 */
final class Admitting {
    private static final Pattern ANONYMITY = Pattern.compile("(?i)\\b(anonymous(ly)?|don'?t (use|give|share|pass on)"
            + " my name|without (giving|leaving|using) my name|keep my name out)\\b");

    private final DeadlineCalculator deadlines;

    Admitting(DeadlineCalculator deadlines) {
        this.deadlines = deadlines;
    }

    /**
     * @param notes     what to put on the audit trail
     * @param attention why staff must decide something themselves, or null
     */
    record Outcome(NewCase.Admission admission, boolean mayBeTooOld, List<String> notes, String attention) {
        boolean excluded() {
            return admission.exclusion() != null;
        }
    }

    Outcome admit(InboundMessage message, TriageDecision decision, CaseClass caseClass) {
        PolicyProfile.Accepting accepting = deadlines.profile().accepting();
        List<String> notes = new ArrayList<>();
        String exclusionRule = null;
        String exclusion = null;
        String attention = null;
        boolean complaint = caseClass.isComplaint();
        if (complaint && anonymous(message)) {
            if (accepting.anonymous() == PolicyProfile.Accepting.Anonymous.EXCLUDE) {
                exclusionRule = "anonymous";
                exclusion = "our complaints policy does not accept anonymous complaints, because without knowing who"
                        + " you are we cannot investigate or tell you the outcome. If you give us your name and how to"
                        + " contact you, we will look into it; a local councillor or the Housing Ombudsman can also"
                        + " advise you";
                notes.add("anonymous complaint excluded under the policy; the sender is told why and signposted");
            } else {
                notes.add("anonymous complaint accepted and investigated under the policy; feedback will be limited");
            }
        }
        boolean tooOld = false;
        if (complaint && accepting.timeLimitMonths() > 0) {
            LocalDate received = message.receivedAt().atZone(deadlines.zone()).toLocalDate();
            Optional<Period> age = IssueAge.in(message.text(), received);
            if (age.isPresent() && deadlines.beyondTimeLimit(message.receivedAt(), age.get())) {
                tooOld = true;
                attention = "by the sender's account the issue began about " + describe(age.get()) + " ago, beyond the"
                        + " policy's " + accepting.timeLimitMonths() + "-month time limit: staff to decide whether to"
                        + " accept it (the policy allows discretion); it has not been refused";
                notes.add(attention);
            }
        }
        LocalDate concernBy = null;
        if (caseClass == CaseClass.COMPLAINT && accepting.hasConcernTier() && exclusion == null
                && !asksForFormalComplaint(decision)) {
            concernBy = deadlines.concernResolveBy(message.receivedAt());
            notes.add("handled first as a concern, to be resolved by " + concernBy + "; if it is not, it becomes a"
                    + " stage 1 complaint");
        }
        return new Outcome(new NewCase.Admission(concernBy, exclusionRule, exclusion), tooOld, notes, attention);
    }

    static boolean anonymous(InboundMessage message) {
        return message.sender().isAnonymous() || ANONYMITY.matcher(message.text()).find();
    }

    /** The resident asked in terms for a (formal) complaint: the concern tier is their choice, not ours. */
    private static boolean asksForFormalComplaint(TriageDecision decision) {
        return decision.reasons().stream().anyMatch(r -> r.rule().contains("explicit"));
    }

    private static String describe(Period age) {
        long months = age.toTotalMonths();
        return months >= 24 ? (months / 12) + " years" : months + " months";
    }
}
