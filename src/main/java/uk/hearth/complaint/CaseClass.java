package uk.hearth.complaint;

import java.util.Arrays;
import java.util.Locale;

/** What a message is, in the words of the Complaint Handling Code and the landlords' policies. */
public enum CaseClass {
    COMPLAINT, SERVICE_REQUEST, COMPLIMENT, ENQUIRY, ESCALATION;

    /** The name integrators see in JSON and filters: {@code service_request}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseClass fromWireName(String value) {
        return Arrays.stream(values())
                .filter(c -> c.wireName().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown class '" + value
                        + "'; expected one of complaint, service_request, compliment, enquiry, escalation"));
    }

    /** Complaints and escalations run on the complaint timescales; the rest do not. */
    public boolean isComplaint() {
        return this == COMPLAINT || this == ESCALATION;
    }
}
