package uk.hearth.complaint;

import java.time.Instant;
import java.util.Optional;

/** The case register. */
public interface Cases {

    CaseReference nextReference(int year);

    /** @return the new case's id */
    long add(NewCase newCase);

    Optional<CaseSummary> summary(long caseId);

    void recordEvent(long caseId, String type, String detail, Instant at);
}
