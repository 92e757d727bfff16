package uk.hearth.message;

/**
 * Thrown by a channel's reply route when the provider refused a message for good (the resident opted out,
 * the number cannot receive it, the messaging window is closed, the page token was revoked): retrying would
 * not help, so the reply goes to another contact the resident has instead.
 */
public class DeliveryRefused extends RuntimeException {
    private final boolean recipientOptedOut;

    /** @param recipientOptedOut true when the recipient asked not to be messaged on this channel */
    public DeliveryRefused(String reason, boolean recipientOptedOut) {
        super(reason);
        this.recipientOptedOut = recipientOptedOut;
    }

    public boolean recipientOptedOut() {
        return recipientOptedOut;
    }
}
