package uk.hearth.message;

/**
 * Who wrote to us, as far as the channel tells. Any part may be null.
 *
 * @param handle the channel's own address for the sender where it is neither an email nor a phone
 *               number (a page-scoped id, a portal user id)
 */
public record Sender(String name, String email, String phone, String handle) {

    public Sender(String name, String email, String phone) {
        this(name, email, phone, null);
    }

    public static Sender anonymous() {
        return new Sender(null, null, null, null);
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }

    public boolean isAnonymous() {
        return (name == null || name.isBlank()) && !hasEmail() && !hasPhone() && handle == null;
    }
}
