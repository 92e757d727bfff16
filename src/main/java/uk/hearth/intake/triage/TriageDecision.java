package uk.hearth.intake.triage;

import java.util.List;

import uk.hearth.complaint.CaseClass;

/**
 * The first, provisional view of a message. An officer confirms or changes it; {@code reasons} says why
 * triage thought so, one entry for every rule that fired plus how they were weighed.
 *
 * @param representativeRole {@code null}, or one of family, friend, support_worker, advocate, solicitor,
 *                           councillor, mp, other
 */
public record TriageDecision(CaseClass caseClass, boolean hazard, boolean vulnerability,
                             boolean representative, String representativeRole,
                             boolean needsClarification, List<Reason> reasons) {

    public TriageDecision {
        reasons = List.copyOf(reasons);
    }
}
