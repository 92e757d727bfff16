package uk.hearth.channel.meta;

import uk.hearth.message.InboundMessage;

/** One item of a webhook post: a message for the inbox, or something we deliberately leave alone, and why. */
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
}
