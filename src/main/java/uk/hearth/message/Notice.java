package uk.hearth.message;

import java.util.Objects;

/**
 * Why a message needs no answer: it came from a machine, takes something back, or only sets a contact preference.
 * Such messages are kept and noted on their case, never acknowledged (answering an auto-reply starts a mail loop).
 *
 * @param detail what the channel saw, for the audit trail ("Auto-Submitted: auto-replied")
 */
public record Notice(Kind kind, String detail) {

    public enum Kind {
        /** Out-of-office and other automatic answers. */
        AUTO_REPLY,
        /** A delivery failure report for one of our messages ({@link InboundMessage#inReplyTo} names it). */
        BOUNCE,
        /** The sender deleted or unsent a message ({@link InboundMessage#inReplyTo} names it). */
        WITHDRAWN,
        /** The sender asked not to be messaged on this channel any more (an SMS "STOP"). */
        OPT_OUT,
        /** The sender asked to be messaged on this channel again (an SMS "START"). */
        OPT_IN
    }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public String wireName() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
