package uk.hearth.complaint;

import java.util.Collection;
import java.util.Optional;
import uk.hearth.message.OutboundReply;

/** Messages to residents, stored with the case change that caused them and sent afterwards. */
public interface Outbox {

    /** Queue for sending on the reply's channel. */
    long enqueue(long caseId, String kind, OutboundReply reply);

    /** Record a reply that staff must make by hand (letter, phone) because no route can send it. */
    long recordManual(long caseId, String kind, OutboundReply reply);

    /**
     * A message we sent came back undelivered (a bounce): mark it failed for good.
     *
     * @return the id of its case, when one of {@code providerIds} is one of ours
     */
    Optional<Long> markUndeliverable(Collection<String> providerIds, String why);

    /** Staff made the replies of this kind that were due from them (a letter, a call). @return how many */
    int markManualSent(long caseId, String kind, java.time.Instant sentAt);

    /** Stops messages to {@code recipient} on this case that are not yet sent. @return how many */
    int cancelPending(long caseId, String recipient, String why);
}
