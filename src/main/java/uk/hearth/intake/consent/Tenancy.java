package uk.hearth.intake.consent;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.hearth.message.ChannelId;
import uk.hearth.message.Sender;

/** A tenancy in the landlord's register: who the tenant is and how they like to be reached. */
public record Tenancy(String reference, String name, String address, String phone, String email,
                      ChannelId preferredContact, String language) {
    private static final Pattern POSTCODE = Pattern.compile("\\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})\\b");

    public Tenancy {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(name, "name");
        language = "cy".equals(language) ? "cy" : "en";
    }

    public String postcode() {
        return postcodeIn(address).orElse(null);
    }

    /** The tenant as a contact we can write to. */
    public Sender asContact() {
        return new Sender(name, email, phone);
    }

    /** A UK postcode in an address, normalised to "AB1 2CD". */
    public static Optional<String> postcodeIn(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = POSTCODE.matcher(address.toUpperCase(Locale.ROOT));
        String found = null;
        while (m.find()) {
            found = m.group(1) + " " + m.group(2);
        }
        return Optional.ofNullable(found);
    }

    /** Names compared without case, titles or punctuation: "Mrs E. Jones" and "e jones" differ, "Mrs Edna Jones" and "edna jones" do not. */
    public static String normalisedName(String name) {
        if (name == null) {
            return "";
        }
        return name.toLowerCase(Locale.ROOT).replaceAll("\\b(mr|mrs|ms|miss|mx|dr|rev)\\b\\.?", " ")
                .replaceAll("[^\\p{L} ]", " ").replaceAll("\\s+", " ").strip();
    }
}
