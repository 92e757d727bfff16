package uk.hearth.message;

import java.util.Objects;

/**
 * A message to a resident, channel-neutral; a channel's reply route turns it into a provider call.
 *
 * @param inReplyTo the provider's id of the resident's message this answers, so channels that thread
 *                  (email) can keep the conversation together; null when it answers nothing in particular
 */
public record OutboundReply(ChannelId channel, String recipient, String subject, String body, String inReplyTo) {
    public OutboundReply {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(body, "body");
    }

    public OutboundReply(ChannelId channel, String recipient, String subject, String body) {
        this(channel, recipient, subject, body, null);
    }
}
