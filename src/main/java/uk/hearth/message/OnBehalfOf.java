package uk.hearth.message;

/**
 * The tenant a sender writes for. {@code relationship} is the sender's relationship to the tenant
 * ("daughter", "support worker", "councillor"), in the sender's words.
 */
public record OnBehalfOf(String name, String address, String relationship) {
}
