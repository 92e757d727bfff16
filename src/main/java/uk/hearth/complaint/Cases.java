package uk.hearth.complaint;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import uk.hearth.message.ChannelId;
import uk.hearth.message.Sender;

/** The case register. */
public interface Cases {

    CaseReference nextReference(int year);

    /** @return the new case's id */
    long add(NewCase newCase);

    Optional<CaseSummary> summary(long caseId);

    Optional<CaseFile> find(long caseId);

    Optional<CaseFile> find(CaseReference reference);

    /** The case holding a message with one of these provider ids: an earlier inbound message or one of our replies. */
    Optional<Long> holdingMessage(Collection<String> messageIds);

    /** The most recent open case with this contact that began on {@code channel} or heard from them there since. */
    Optional<CaseFile> latestOpen(ChannelId channel, Sender contact, Instant since);

    /** Moves a complaint to stage 2 with the deadlines of that stage. */
    void escalate(long caseId, Deadlines deadlines);

    /** A hazard reported after the case was opened: the case becomes urgent. */
    void markHazard(long caseId, Instant makeSafeBy);

    /** Something staff must look at themselves (a reference quoted by someone else, a late escalation). */
    void flagForStaff(long caseId, String why);

    void recordEvent(long caseId, String type, String detail, Instant at);

    /** Keeps the whole acknowledgement a short one links to, for the resident to read by its token. */
    void keepFullAcknowledgement(long caseId, String language, Acknowledgements.Full full, Instant at);

    /** Whether the representative may now be told about the case, and what the case's status becomes. */
    void setConsent(long caseId, ConsentState state, Long consentId, CaseStatus status);

    /** The case awaiting consent whose tenant we asked at this email address or phone number, newest first. */
    Optional<Long> awaitingConsentAskedOf(Sender tenant);

    /** Open cases awaiting the tenant's consent for this representative. */
    java.util.List<CaseFile> awaitingConsentFor(Sender representative);

    /** Cases whose representative's access rests on this consent record. */
    java.util.List<Long> relyingOnConsent(long consentId);

    /** Staff sent the response for {@code stage}. */
    void recordResponse(long caseId, int stage, Instant at, String outcome);

    /** Moves the current stage's response date and keeps the extension and its reason. */
    void recordExtension(long caseId, int stage, int workingDays, String reason, java.time.LocalDate previous,
                         java.time.LocalDate next, String recordedBy);

    /** Working days the current stage has been extended by so far. */
    int extendedWorkingDays(long caseId, int stage);

    /** The case is not taken further: {@code exclusion} says why, as the resident is told it (a refused stage 2). */
    void exclude(long caseId, String exclusion);

    void close(long caseId, String reason);

    /** Open concerns (Beyond Housing's tier) whose resolve-by day is before {@code day} and that have no response. */
    java.util.List<Long> concernsUnresolvedBefore(java.time.LocalDate day);

    /** A concern becomes a stage 1 complaint with these deadlines. */
    void promoteConcern(long caseId, Deadlines deadlines);
}
