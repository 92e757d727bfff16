package uk.hearth.complaint;

import java.util.Locale;

/** Whether we may discuss the tenant's case with the person who wrote. */
public enum ConsentState {
    /** The tenant wrote themselves. */
    NOT_REQUIRED,
    /** A representative wrote; the tenant's permission has not been confirmed. */
    PENDING,
    GIVEN,
    IMPLIED,
    REFUSED,
    /** Consent was given, then withdrawn: nothing more is disclosed to the representative. */
    WITHDRAWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
