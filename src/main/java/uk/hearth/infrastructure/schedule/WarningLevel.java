package uk.hearth.infrastructure.schedule;

import java.util.Locale;

enum WarningLevel {
    /** Within the warning period before the deadline. */
    DUE_SOON,
    /** The deadline has passed and the work is not done. */
    LAPSED;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    String eventType() {
        return "sla_" + wireName();
    }
}
