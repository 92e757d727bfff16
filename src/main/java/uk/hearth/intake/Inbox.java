package uk.hearth.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.hearth.message.InboundMessage;

/** The durable inbox: once {@link #accept} returns, the message is committed and will not be lost. */
public interface Inbox {

    /** Store the message, or find the one already stored under the same channel, source and external id. */
    Receipt accept(InboundMessage message);

    /**
     * Store several messages in one commit. A message twice in the list is stored once, its second receipt a
     * duplicate. All or nothing: when this throws (a message the database refuses, or one already stored), none of
     * them is stored by it, and the caller can store them one by one with {@link #accept}. Receipts are in the
     * order of the messages.
     */
    default List<Receipt> acceptAll(List<InboundMessage> messages) {
        return messages.stream().map(this::accept).toList();
    }

    /** Lock the row for processing in the caller's transaction; empty when there is no such message. */
    Optional<StoredInbound> lock(long id);

    /** @param caseId null for a notice that matched no case */
    void markProcessed(long id, Long caseId, Processed.Outcome outcome);

    /** Note a failed processing attempt; {@code nextAttempt} null means give up and mark it failed. */
    void recordFailure(long id, String error, Instant nextAttempt);

    /** The message that opened the case. */
    Optional<InboundMessage> openingMessage(long caseId);

    /** Messages still to process whose next attempt is due. */
    List<Long> due(Instant now, int limit);

    record Receipt(long id, boolean duplicate) {
    }
}
