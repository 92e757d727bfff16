package uk.hearth.intake;

import uk.hearth.message.InboundMessage;

/** A message as the inbox holds it. {@code caseId} and {@code outcome} are set once processed. */
public record StoredInbound(long id, InboundMessage message, Status status, int attempts, Long caseId,
                            Processed.Outcome outcome) {

    public enum Status { RECEIVED, PROCESSED, FAILED }
}
