package uk.hearth.intake;

import java.time.LocalDate;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.CaseSummary;

/**
 * The outcome of processing one inbound message: the case it made or joined, and how it is acknowledged.
 * For a notice that matched no case every case field is null.
 */
public record Processed(long inboundId, CaseReference reference, CaseClass caseClass, CaseStatus status, String channel,
                        LocalDate acknowledgeBy, LocalDate respondBy, String acknowledgementChannel,
                        boolean acknowledgementManual, boolean urgent, Outcome outcome) {

    /** What the message did. */
    public enum Outcome {
        /** Opened a case. */
        OPENED,
        /** Added to a case already open (or opened a case linked to it). */
        FOLLOW_UP,
        /** A notice (auto-reply, bounce, withdrawal) noted on a case. */
        NOTED,
        /** A notice that matched no case: kept in the inbox only. */
        UNMATCHED
    }

    static Processed of(long inboundId, CaseSummary c, Outcome outcome) {
        return new Processed(inboundId, c.reference(), c.caseClass(), c.status(), c.channel(), c.acknowledgeBy(),
                c.respondBy(), c.acknowledgementChannel(), c.acknowledgementManual(), c.urgent(), outcome);
    }

    static Processed unmatched(long inboundId) {
        return new Processed(inboundId, null, null, null, null, null, null, null, false, false, Outcome.UNMATCHED);
    }
}
