package uk.hearth.channel.spi;

import uk.hearth.message.OutboundReply;

/**
 * Writes a canonical reply (the outbox's acknowledgement or notice) as the provider takes it: an HTTP request, a
 * mail, an SDK call. The channel's reply route, on {@code direct:reply-<name>}, sends the result; {@link Replies}
 * reads the reply from the route's exchange.
 *
 * @param <R> what the provider takes
 */
@FunctionalInterface
public interface ReplyMapper<R> {

    /**
     * @param replyId Hearth's own id for this outbound message, stable across retries: a provider that takes an
     *                idempotency key should be given it, so a retry after a lost answer is not sent twice
     * @throws uk.hearth.message.DeliveryRefused when the reply can never go this way (no address for the resident
     *                                           on this channel): it is not retried, and goes by another contact
     */
    R map(OutboundReply reply, String replyId);
}
