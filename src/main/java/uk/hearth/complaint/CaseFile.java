package uk.hearth.complaint;

import java.time.Instant;
import java.util.Locale;
import uk.hearth.message.ChannelId;
import uk.hearth.message.OnBehalfOf;
import uk.hearth.message.Sender;

/**
 * A case as the core needs it to decide what a later message does to it.
 *
 * @param stage1RespondedAt when the stage 1 response was sent; null while it is awaited
 * @param relatedCaseId     the case this one grew out of (a complaint about a service request), or null
 * @param tenancyReference  the tenancy it concerns, when the register knows it
 * @param consentId         the consent record a representative's access rests on, or null
 */
public record CaseFile(long id, CaseReference reference, CaseClass caseClass, int stage, CaseStatus status,
                       ChannelId channel, ChannelId preferredContact, String language, Sender contact,
                       OnBehalfOf tenant, NewCase.Flags flags, ConsentState consentState, Instant receivedAt,
                       Deadlines deadlines, Instant stage1RespondedAt, Long relatedCaseId,
                       String tenancyReference, Long consentId) {

    public boolean isOpen() {
        return status != CaseStatus.CLOSED;
    }

    /** True when {@code other} is the person this case is with: the same email, phone number or channel handle. */
    public boolean isWith(Sender other) {
        return same(contact.email(), other.email()) || same(contact.phone(), other.phone())
                || same(contact.handle(), other.handle());
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && !a.isBlank()
                && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
