package uk.hearth.channel.meta;

import uk.hearth.message.InboundMessage;

/**
 * One item of a webhook post: a message for the inbox; a receipt for one of our messages (it makes no case, but
 * the case shows our acknowledgement as delivered or read); or something we deliberately leave alone, and why.
 */
sealed interface MetaEvent {

    record Message(InboundMessage message) implements MetaEvent {
    }

    /**
     * @param channel messenger or instagram; null when the post's object is neither
     * @param kind    what it was (read, delivery, echo, reaction, ...), for metrics and logs
     * @param reason  why no case is made of it
     */
    record Ignored(String channel, String kind, String reason) implements MetaEvent {
    }

    /**
     * Meta saying the resident's app received ({@code delivery}) or showed ({@code read}) our messages: those named
     * in {@code mids}, or all sent to the resident up to {@code watermark}.
     *
     * @param state     "delivered" or "read"
     * @param resident  the resident's page- or Instagram-scoped id
     * @param watermark null when the receipt names its messages
     */
    record Receipt(String channel, String state, String resident, java.util.List<String> mids,
                   java.time.Instant watermark) implements MetaEvent {
    }
}
