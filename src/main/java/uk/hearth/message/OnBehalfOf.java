package uk.hearth.message;

/**
 * The tenant a sender writes for, as far as the message tells. {@code relationship} is the sender's
 * relationship to the tenant ("daughter", "support worker", "councillor"), in the sender's words;
 * {@code tenancyReference} is the landlord's reference for the tenancy when the sender gave it.
 */
public record OnBehalfOf(String name, String address, String relationship, String tenancyReference) {

    public OnBehalfOf(String name, String address, String relationship) {
        this(name, address, relationship, null);
    }
}
