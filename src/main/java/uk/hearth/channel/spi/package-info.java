/**
 * What every channel is made of, and all a new channel needs from Hearth: a {@link uk.hearth.channel.spi.RequestVerifier}
 * that tells a provider's genuine requests from forged ones, an {@link uk.hearth.channel.spi.InboundMapper} from the
 * provider's payload to canonical messages (and receipts for our own), a {@link uk.hearth.channel.spi.ReplyMapper}
 * from a canonical reply to what the provider takes, a route file {@code routes/<name>.camel.yaml} whose reply route
 * listens on {@code direct:reply-<name>}, and a configuration block {@code hearth.channels.<name>}. Nothing in the
 * core lists channels: the outbox finds a channel's reply route by that name.
 */
package uk.hearth.channel.spi;
