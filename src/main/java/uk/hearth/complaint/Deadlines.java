package uk.hearth.complaint;

import java.time.Instant;
import java.time.LocalDate;

/**
 * @param dayZero        the date the message counts as received (next working day when out of hours)
 * @param acknowledgeBy  last date for the acknowledgement
 * @param respondBy      when the resident hears from us; null for compliments
 * @param makeSafeBy     for hazards, 24 hours from arrival (Awaab's Law); null otherwise
 * @param investigateBy  for damp and mould, when the investigation must be done (Awaab's Law); null otherwise
 */
public record Deadlines(LocalDate dayZero, LocalDate acknowledgeBy, LocalDate respondBy, Instant makeSafeBy,
                        LocalDate investigateBy) {

    public Deadlines(LocalDate dayZero, LocalDate acknowledgeBy, LocalDate respondBy, Instant makeSafeBy) {
        this(dayZero, acknowledgeBy, respondBy, makeSafeBy, null);
    }

    public Deadlines withInvestigateBy(LocalDate date) {
        return new Deadlines(dayZero, acknowledgeBy, respondBy, makeSafeBy, date);
    }
}
