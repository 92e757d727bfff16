package uk.hearth.message;

/**
 * Thrown by a channel's reply route when the channel itself cannot send until someone fixes it (a revoked
 * access token, missing credentials). The message waits without using up its attempts; the channel's health
 * shows why.
 */
public class ChannelUnavailable extends RuntimeException {
    public ChannelUnavailable(String reason) {
        super(reason);
    }
}
