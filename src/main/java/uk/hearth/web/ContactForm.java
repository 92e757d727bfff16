package uk.hearth.web;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.validation.Errors;
import uk.hearth.message.ChannelId;
import uk.hearth.infrastructure.PhoneNumbers;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OnBehalfOf;
import uk.hearth.message.Sender;

/**
 * The "Tell us" form, shared by the resident form and the staff form for contacts made in person,
 * by phone or by letter. {@code formToken} is issued with the blank form and becomes the message's
 * external id, so a double submit or a browser retry makes one case.
 */
public class ContactForm {
    static final int MESSAGE_MAX = 10_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f-]{36}");
    private static final Set<String> CONTACTS = Set.of("email", "phone", "letter");
    private static final Set<String> MADE_VIA = Set.of("in_person", "phone", "letter");

    private String formToken = UUID.randomUUID().toString();
    private String name;
    private String email;
    private String phone;
    private String address;
    private String preferredContact;
    private String message;
    private boolean forSomeoneElse;
    private String tenantName;
    private String tenantAddress;
    private String relationship;
    private String madeVia;

    /** Checks the fields; error codes are message keys, shown beside the fields in the form's language. */
    public void validate(Errors errors, boolean staff) {
        if (!TOKEN.matcher(nullToEmpty(formToken)).matches()) {
            formToken = UUID.randomUUID().toString();
        }
        if (isBlank(message)) {
            errors.rejectValue("message", "form.error.message.required");
        } else if (message.length() > MESSAGE_MAX) {
            errors.rejectValue("message", "form.error.message.tooLong");
        }
        if (staff && isBlank(name)) {
            errors.rejectValue("name", "form.error.name.required");
        }
        if (length(name) > 200) {
            errors.rejectValue("name", "form.error.tooLong");
        }
        if (!isBlank(email) && (!EMAIL.matcher(email.strip()).matches() || email.length() > 320)) {
            errors.rejectValue("email", "form.error.email.invalid");
        }
        if (!isBlank(phone) && normalisedPhone() == null) {
            errors.rejectValue("phone", "form.error.phone.invalid");
        }
        if (length(address) > 500) {
            errors.rejectValue("address", "form.error.tooLong");
        }
        if (isBlank(email) && isBlank(phone) && isBlank(address)) {
            errors.rejectValue("email", "form.error.contact.required");
        }
        if (!isBlank(preferredContact) && !CONTACTS.contains(preferredContact)) {
            errors.rejectValue("preferredContact", "form.error.preferredContact.invalid");
        } else if ("email".equals(preferredContact) && isBlank(email)) {
            errors.rejectValue("email", "form.error.email.neededForPreference");
        } else if ("phone".equals(preferredContact) && isBlank(phone)) {
            errors.rejectValue("phone", "form.error.phone.neededForPreference");
        } else if ("letter".equals(preferredContact) && isBlank(address)) {
            errors.rejectValue("address", "form.error.address.neededForPreference");
        }
        if (forSomeoneElse && isBlank(tenantName)) {
            errors.rejectValue("tenantName", "form.error.tenantName.required");
        }
        if (length(tenantName) > 200 || length(relationship) > 100 || length(tenantAddress) > 500) {
            errors.rejectValue("tenantName", "form.error.tooLong");
        }
        if (staff && !MADE_VIA.contains(nullToEmpty(madeVia))) {
            errors.rejectValue("madeVia", "form.error.madeVia.required");
        }
    }

    public InboundMessage toMessage(ChannelId channel, String source, String language, Instant now) {
        String text = message.strip();
        if (!isBlank(address)) {
            text = text + "\n\n[Address given: " + address.strip() + "]";
        }
        return InboundMessage.builder(channel, formToken, text, now)
                .source(source)
                .sender(new Sender(trimmed(name), trimmed(email), normalisedPhone()))
                .onBehalfOf(forSomeoneElse
                        ? new OnBehalfOf(trimmed(tenantName), trimmed(tenantAddress), trimmed(relationship)) : null)
                .preferredContact(isBlank(preferredContact) ? null : ChannelId.of(preferredContact))
                .language(language)
                .madeVia(trimmed(madeVia))
                .build();
    }

    /** E.164 for UK numbers however written (07700 900123, +44 7700 900123); null when not a number. */
    String normalisedPhone() {
        return PhoneNumbers.e164(phone).orElse(null);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return isBlank(value) ? null : value.strip();
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    public String getFormToken() { return formToken; }
    public void setFormToken(String formToken) { this.formToken = formToken; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getPreferredContact() { return preferredContact; }
    public void setPreferredContact(String preferredContact) { this.preferredContact = preferredContact; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public boolean isForSomeoneElse() { return forSomeoneElse; }
    public void setForSomeoneElse(boolean forSomeoneElse) { this.forSomeoneElse = forSomeoneElse; }
    public String getTenantName() { return tenantName; }
    public void setTenantName(String tenantName) { this.tenantName = tenantName; }
    public String getTenantAddress() { return tenantAddress; }
    public void setTenantAddress(String tenantAddress) { this.tenantAddress = tenantAddress; }
    public String getRelationship() { return relationship; }
    public void setRelationship(String relationship) { this.relationship = relationship; }
    public String getMadeVia() { return madeVia; }
    public void setMadeVia(String madeVia) { this.madeVia = madeVia; }
}
