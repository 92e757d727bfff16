package uk.hearth.intake.triage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.hearth.complaint.CaseClass;
import uk.hearth.intake.triage.Finding.Signal;

/**
 * Weighs the findings into one decision, deterministically:
 * <ol>
 *   <li>escalation, when its evidence reaches the escalation threshold;</li>
 *   <li>complaint, when its evidence reaches the complaint threshold - an explicit request always does;
 *       implicit dissatisfaction does not count in a survey remark or a councillor/MP enquiry;</li>
 *   <li>otherwise the heaviest of service request, compliment and enquiry (ties in the configured order).</li>
 * </ol>
 * Clarification is needed when nothing points anywhere, when the lower classes tie, when dissatisfaction
 * is present but too weak to make a complaint, or when a rule asks for it.
 */
final class DecisionCombiner {

    /** A finding together with the id of the rule that made it. */
    record Fired(String rule, Finding finding) {
        Reason reason() {
            return new Reason(rule, finding.explanation());
        }
    }

    /**
     * The thresholds and orders of {@code decision:} in {@code rules.yaml}.
     *
     * @param lowerOrder                 service request, compliment and enquiry, in the order that breaks ties
     * @param electedMemberRoles         roles whose enquiries are not complaints unless one is asked for
     * @param electedMemberEnquiryWeight the vote for enquiry when such a member writes
     * @param declaredRules              ids of rules that report a representative declared on a form
     */
    record Settings(int complaintThreshold, int escalationThreshold, int decisiveWeight, List<CaseClass> lowerOrder,
                    Set<String> electedMemberRoles, int electedMemberEnquiryWeight, Set<String> declaredRules,
                    RepresentativeRoles roles) {

        static final Settings DEFAULT = new Settings(Finding.STRONG, Finding.STRONG, Finding.DECISIVE,
                List.of(CaseClass.SERVICE_REQUEST, CaseClass.COMPLIMENT, CaseClass.ENQUIRY), Set.of("mp", "councillor"),
                Finding.WEAK, Set.of("declared-representative"), RepresentativeRoles.DEFAULT);
    }

    private record Choice(CaseClass caseClass, boolean clarify, Reason reason) {
    }

    private final Settings settings;

    DecisionCombiner(Settings settings) {
        this.settings = settings;
    }

    /** A vote at least this heavy is "asked for in terms": no second opinion overrules it. */
    int decisiveWeight() {
        return settings.decisiveWeight();
    }

    TriageDecision combine(List<Fired> fired) {
        String role = representativeRole(fired);
        boolean electedMember = role != null && settings.electedMemberRoles().contains(role);
        boolean implicitExcluded = electedMember
                || fired.stream().anyMatch(f -> f.finding().has(Signal.IMPLICIT_COMPLAINT_EXCLUDED));
        Map<CaseClass, Integer> score = new EnumMap<>(CaseClass.class);
        int setAside = 0;
        boolean askedInTerms = false;
        for (Fired f : fired) {
            Finding finding = f.finding();
            if (finding.vote() == null) {
                continue;
            }
            if (implicitExcluded && finding.vote() == CaseClass.COMPLAINT && finding.weight() < settings.decisiveWeight()) {
                setAside += finding.weight();
            } else {
                score.merge(finding.vote(), finding.weight(), Integer::sum);
                askedInTerms |= finding.vote() == CaseClass.COMPLAINT && finding.weight() >= settings.decisiveWeight();
            }
        }
        List<Reason> reasons = new ArrayList<>();
        fired.forEach(f -> reasons.add(f.reason()));
        if (electedMember) {
            score.merge(CaseClass.ENQUIRY, settings.electedMemberEnquiryWeight(), Integer::sum);
            reasons.add(new Reason("elected-member-enquiry", "comes from " + ("mp".equals(role)
                    ? "a Member of Parliament's office" : "a councillor")
                    + "; treated as an enquiry unless they ask for a complaint or a review"));
        }
        Choice choice = choose(score, askedInTerms);
        if (setAside > 0 && !choice.caseClass().isComplaint()) {
            reasons.add(new Reason("implicit-complaint-set-aside", "dissatisfaction (" + setAside + ") in a survey remark,"
                    + " an elected member's enquiry or a message that says it is not a complaint is not a complaint unless"
                    + " one is asked for; tell the sender how to complain"));
        }
        reasons.add(choice.reason());
        Set<String> hazardKinds = new LinkedHashSet<>();
        fired.stream().map(Fired::finding).filter(f -> f.has(Signal.HAZARD) && f.hazardKind() != null)
                .forEach(f -> hazardKinds.add(f.hazardKind()));
        return new TriageDecision(choice.caseClass(),
                any(fired, Signal.HAZARD),
                any(fired, Signal.VULNERABILITY),
                any(fired, Signal.REPRESENTATIVE),
                role,
                choice.clarify() || any(fired, Signal.NEEDS_CLARIFICATION),
                reasons,
                hazardKinds,
                any(fired, Signal.DAMP_MOULD),
                any(fired, Signal.SURVEY_REMARK));
    }

    private static boolean any(List<Fired> fired, Signal signal) {
        for (Fired f : fired) {
            if (f.finding().has(signal)) {
                return true;
            }
        }
        return false;
    }

    private Choice choose(Map<CaseClass, Integer> score, boolean askedInTerms) {
        int escalation = score.getOrDefault(CaseClass.ESCALATION, 0);
        int complaint = score.getOrDefault(CaseClass.COMPLAINT, 0);
        if (escalation >= settings.escalationThreshold()) {
            return decided(CaseClass.ESCALATION, false, "the sender is unhappy with a complaint response and wants it"
                    + " reviewed (evidence " + escalation + "); escalation takes precedence over everything else");
        }
        if (complaint >= settings.complaintThreshold()) {
            return decided(CaseClass.COMPLAINT, false, (askedInTerms
                    ? "the sender asks for a complaint in terms"
                    : "the message expresses dissatisfaction with the service (evidence " + complaint + ")")
                    + "; a complaint takes precedence over any request, question or thanks it also contains"
                    + (escalation > 0 ? "; the escalation evidence is too weak to treat it as stage 2" : ""));
        }
        CaseClass best = null;
        for (CaseClass c : settings.lowerOrder()) {
            if (score.getOrDefault(c, 0) > (best == null ? 0 : score.get(best))) {
                best = c;
            }
        }
        if (best == null && complaint + escalation > 0) {
            CaseClass weak = escalation > complaint ? CaseClass.ESCALATION : CaseClass.COMPLAINT;
            return decided(weak, true, "only weak signs of dissatisfaction and nothing else; treated as "
                    + article(weak) + " provisionally, check with the sender");
        }
        if (best == null) {
            return new Choice(CaseClass.ENQUIRY, true, new Reason("no-class-evidence", "no rule recognised a complaint,"
                    + " request, compliment or question; recorded as an enquiry so an officer can ask what the sender needs"));
        }
        int top = score.get(best);
        CaseClass leader = best;
        List<CaseClass> tied = settings.lowerOrder().stream()
                .filter(c -> c != leader && score.getOrDefault(c, 0) == top).toList();
        StringBuilder why = new StringBuilder("the strongest evidence is for ").append(article(best))
                .append(" (").append(top).append(")");
        if (!tied.isEmpty()) {
            why.append("; equally strong evidence for ").append(String.join(" and ", tied.stream()
                    .map(DecisionCombiner::words).toList())).append(", so check with the sender");
        }
        if (complaint + escalation > 0) {
            why.append("; there is some dissatisfaction (").append(complaint + escalation)
                    .append("), too little for a complaint: offer the sender the choice to complain");
        }
        return decided(best, !tied.isEmpty() || complaint + escalation > 0, why.toString());
    }

    /** A declared, specific relationship wins; otherwise the most specific role the text shows. */
    private String representativeRole(List<Fired> fired) {
        String declared = null;
        String detected = null;
        for (Fired f : fired) {
            if (!f.finding().has(Signal.REPRESENTATIVE)) {
                continue;
            }
            if (settings.declaredRules().contains(f.rule())) {
                declared = f.finding().representativeRole();
            } else {
                detected = settings.roles().moreSpecific(detected, f.finding().representativeRole());
            }
        }
        if (declared != null && !declared.equals("other")) {
            return declared;
        }
        return detected != null ? detected : declared;
    }

    private static Choice decided(CaseClass caseClass, boolean clarify, String why) {
        return new Choice(caseClass, clarify, new Reason("class-decision", "classed as " + words(caseClass) + ": " + why));
    }

    private static String words(CaseClass caseClass) {
        return caseClass.wireName().replace('_', ' ');
    }

    private static String article(CaseClass caseClass) {
        return (caseClass == CaseClass.ENQUIRY || caseClass == CaseClass.ESCALATION ? "an " : "a ") + words(caseClass);
    }
}
