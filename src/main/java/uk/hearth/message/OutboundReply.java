package uk.hearth.message;

import java.util.Objects;

/** A message to a resident, channel-neutral; a channel's reply route turns it into a provider call. */
public record OutboundReply(ChannelId channel, String recipient, String subject, String body) {
    public OutboundReply {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(body, "body");
    }
}
