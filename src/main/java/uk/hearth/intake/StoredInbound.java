package uk.hearth.intake;

import uk.hearth.message.InboundMessage;

/** A message as the inbox holds it. {@code caseId} is set once processed. */
public record StoredInbound(long id, InboundMessage message, Status status, int attempts, Long caseId) {

    public enum Status { RECEIVED, PROCESSED, FAILED }
}
