package uk.hearth.complaint;

import java.util.Locale;

public enum CaseStatus {
    OPEN,
    /** A representative wrote and the tenant's permission is not yet on file. */
    AWAITING_CONSENT,
    CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseStatus fromWireName(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
