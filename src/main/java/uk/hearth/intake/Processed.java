package uk.hearth.intake;

import java.time.LocalDate;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.CaseSummary;

/** The outcome of processing one inbound message: the case it made or joined, and how it is acknowledged. */
public record Processed(long inboundId, CaseReference reference, CaseClass caseClass, CaseStatus status, String channel,
                        LocalDate acknowledgeBy, LocalDate respondBy, String acknowledgementChannel,
                        boolean acknowledgementManual, boolean urgent) {

    static Processed of(long inboundId, CaseSummary c) {
        return new Processed(inboundId, c.reference(), c.caseClass(), c.status(), c.channel(), c.acknowledgeBy(),
                c.respondBy(), c.acknowledgementChannel(), c.acknowledgementManual(), c.urgent());
    }
}
