package uk.hearth.intake;

import uk.hearth.message.ChannelId;

/** Addresses that asked not to be messaged on a channel (an SMS "STOP"). No automatic reply goes to them there. */
public interface OptOuts {

    boolean isOptedOut(ChannelId channel, String address);

    void optOut(ChannelId channel, String address, String reason);

    /** The resident opted back in (an SMS "START"). */
    void optIn(ChannelId channel, String address);
}
