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
                      Long relatedCaseId, String staffAttention, String tenancyReference, Long consentId) {

    public record Flags(boolean hazard, boolean vulnerability, boolean representative,
                        String representativeRole, boolean needsClarification) {
    }
}
