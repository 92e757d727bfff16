package uk.hearth.intake;

import uk.hearth.message.ChannelId;

/** Which channels can send a reply automatically (those with a {@code <channel>-reply} route). */
public interface ReplyChannels {
    boolean canSend(ChannelId channel);
}
