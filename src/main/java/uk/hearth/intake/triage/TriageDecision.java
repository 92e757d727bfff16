package uk.hearth.intake.triage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import uk.hearth.complaint.CaseClass;

/**
 * The first, provisional view of a message. An officer confirms or changes it; {@code reasons} says why
 * triage thought so, one entry for every rule that fired plus how they were weighed.
 *
 * @param representativeRole {@code null}, or one of family, friend, support_worker, advocate, solicitor,
 *                           councillor, mp, other
 * @param hazardKinds        what kind of hazard, when {@code hazard}: gas, carbon_monoxide, fire, electrical,
 *                           water_electrics, structural, sewage, flooding, damp_mould, no_heating, insecure,
 *                           trapped, asbestos (as configured), so the resident can be told what to do now; empty when there is none
 * @param dampAndMould       the message reports damp or mould in the home, which starts the landlord's
 *                           investigation clock for damp and mould whether or not it is an emergency
 * @param surveyRemark       the message is a survey reply; its acknowledgement must say how to complain
 */
public record TriageDecision(CaseClass caseClass, boolean hazard, boolean vulnerability,
                             boolean representative, String representativeRole,
                             boolean needsClarification, List<Reason> reasons,
                             Set<String> hazardKinds, boolean dampAndMould, boolean surveyRemark) {

    public TriageDecision {
        reasons = List.copyOf(reasons);
        hazardKinds = hazardKinds == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(hazardKinds));
    }

    /** A decision without the hazard kinds, damp and mould or survey facts. */
    public TriageDecision(CaseClass caseClass, boolean hazard, boolean vulnerability, boolean representative,
                          String representativeRole, boolean needsClarification, List<Reason> reasons) {
        this(caseClass, hazard, vulnerability, representative, representativeRole, needsClarification, reasons,
                Set.of(), false, false);
    }

    /** The same decision with another class, for the reason given (the reasons for the first class stay on it). */
    public TriageDecision withClass(CaseClass other, Reason why) {
        return new TriageDecision(other, hazard, vulnerability, representative, representativeRole,
                needsClarification, reasonsAnd(why), hazardKinds, dampAndMould, surveyRemark);
    }

    /** The same decision, now flagged as a possible hazard for the reason given. */
    public TriageDecision withHazard(Reason why) {
        return new TriageDecision(caseClass, true, vulnerability, representative, representativeRole,
                needsClarification, reasonsAnd(why), hazardKinds, dampAndMould, surveyRemark);
    }

    /** The same decision, now read as written on the tenant's behalf in the role given, for the reason given. */
    public TriageDecision withRepresentative(String role, Reason why) {
        return new TriageDecision(caseClass, hazard, vulnerability, true, role, needsClarification, reasonsAnd(why),
                hazardKinds, dampAndMould, surveyRemark);
    }

    /** The same decision, now flagged as concerning a vulnerable resident for the reason given. */
    public TriageDecision withVulnerability(Reason why) {
        return new TriageDecision(caseClass, hazard, true, representative, representativeRole, needsClarification,
                reasonsAnd(why), hazardKinds, dampAndMould, surveyRemark);
    }

    /** The reasons given so far and one more. */
    private List<Reason> reasonsAnd(Reason why) {
        List<Reason> more = new ArrayList<>(reasons);
        more.add(why);
        return more;
    }
}
