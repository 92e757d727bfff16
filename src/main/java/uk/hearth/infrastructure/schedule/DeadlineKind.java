package uk.hearth.infrastructure.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The deadlines the watchdog keeps: the policy's acknowledgement and response dates, and a hazard's make-safe time. */
enum DeadlineKind {
    ACKNOWLEDGE("acknowledgement"),
    RESPOND("response"),
    MAKE_SAFE("make-safe"),
    /** Awaab's Law: a report of damp and mould investigated within 10 working days. */
    INVESTIGATE("damp and mould investigation");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy HH:mm", Locale.UK);

    private final String label;

    DeadlineKind(String label) {
        this.label = label;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How staff read it: "the acknowledgement deadline". */
    String label() {
        return label;
    }

    /**
     * The deadline as staff know it: the day for a date deadline ("Friday 27 November 2026", which lasts all
     * that day, so {@code dueAt} is the start of the next), with the time for a make-safe one.
     */
    String shown(Instant dueAt, ZoneId zone) {
        return this == MAKE_SAFE ? TIME.format(dueAt.atZone(zone)) : DAY.format(dueAt.atZone(zone).toLocalDate().minusDays(1));
    }
}
