package uk.hearth.channel.spi;

import java.time.Instant;
import java.util.List;

/**
 * Reads a provider's payload (a post, a form, a parsed mail) into what Hearth acts on: canonical messages for the
 * inbox, receipts for messages we sent, and anything deliberately left alone, with the reason. One payload may carry
 * several (a Meta post batches events) or none that matter.
 *
 * @param <P> the provider's payload, as the channel's route hands it over
 */
@FunctionalInterface
public interface InboundMapper<P> {

    /**
     * @param receivedAt when Hearth received it: a message without a time of its own is dated by this
     * @throws IllegalArgumentException when the payload cannot be read, saying why in words the provider's
     *                                  developers understand (answered 400, nothing stored)
     */
    List<InboundEvent> map(P payload, Instant receivedAt);
}
