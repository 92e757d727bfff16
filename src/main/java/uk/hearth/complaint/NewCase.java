package uk.hearth.complaint;

import java.time.Instant;
import java.util.List;
import uk.hearth.message.ChannelId;
import uk.hearth.message.OnBehalfOf;
import uk.hearth.message.Sender;

/**
 * Everything a case starts with.
 *
 * @param relatedCaseId  the case this one grew out of, or null
 * @param staffAttention   why staff must look at it themselves, or null
 * @param tenancyReference the tenancy it concerns, when the register knows it
 * @param consentId        the consent record a representative's access rests on, or null
 */
public record NewCase(CaseReference reference, CaseClass caseClass, int stage, CaseStatus status,
                      ChannelId channel, ChannelId preferredContact, String language,
                      Sender contact, OnBehalfOf tenant, Flags flags, ConsentState consentState,
                      Instant receivedAt, Deadlines deadlines, List<CaseReason> reasons, String policyId,
                      Long relatedCaseId, String staffAttention, String tenancyReference, Long consentId,
                      Admission admission) {

    public NewCase {
        admission = admission == null ? Admission.ACCEPTED : admission;
    }

    /**
     * What the landlord's policy made of it on arrival.
     *
     * @param concernResolveBy for a concern (Beyond Housing), when it must be resolved before it becomes stage 1
     * @param exclusionRule    which of the policy's exclusions applies ({@code anonymous}), for the wording a landlord
     *                         gives it in each language; null when it is taken through the procedure
     * @param exclusion        why it is not taken through the complaints procedure, as staff and the compliance report show it
     */
    public record Admission(java.time.LocalDate concernResolveBy, String exclusionRule, String exclusion) {
        public static final Admission ACCEPTED = new Admission(null, null, null);
    }

    /** @param hazardKinds what kind of hazard (gas, fire, ...), when {@code hazard} */
    public record Flags(boolean hazard, boolean vulnerability, boolean representative,
                        String representativeRole, boolean needsClarification, java.util.Set<String> hazardKinds) {

        public Flags {
            hazardKinds = hazardKinds == null ? java.util.Set.of() : java.util.Set.copyOf(hazardKinds);
        }

        public Flags(boolean hazard, boolean vulnerability, boolean representative, String representativeRole,
                     boolean needsClarification) {
            this(hazard, vulnerability, representative, representativeRole, needsClarification, java.util.Set.of());
        }
    }
}
