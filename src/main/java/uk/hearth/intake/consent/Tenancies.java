package uk.hearth.intake.consent;

import java.util.Optional;
import uk.hearth.message.Sender;

/** The tenancy register. */
public interface Tenancies {

    Optional<Tenancy> find(String reference);

    /** The tenancy whose tenant has this email address or phone number. */
    Optional<Tenancy> byContact(Sender contact);

    /** The tenancy of a tenant with this name at this postcode, when exactly one matches. */
    Optional<Tenancy> byNameAndPostcode(String name, String postcode);
}
