package uk.hearth.complaint;

import uk.hearth.message.OutboundReply;

/** Messages to residents, stored with the case change that caused them and sent afterwards. */
public interface Outbox {

    /** Queue for sending on the reply's channel. */
    long enqueue(long caseId, String kind, OutboundReply reply);

    /** Record a reply that staff must make by hand (letter, phone) because no route can send it. */
    long recordManual(long caseId, String kind, OutboundReply reply);
}
