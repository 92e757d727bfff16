package uk.hearth.intake.consent;

import java.util.Optional;
import uk.hearth.complaint.ConsentState;

/**
 * Whether we may discuss the tenant's case with the person who wrote, and why.
 *
 * @param consent the record relied on, when consent is on file
 * @param tenant  the tenancy the message is about, when the register knows it
 * @param rule    the consent rule that decided
 */
public record ConsentDecision(ConsentState state, Optional<ConsentRecord> consent, Optional<Tenancy> tenant,
                              String rule, String reason) {

    public boolean mayDisclose() {
        return state == ConsentState.NOT_REQUIRED || state == ConsentState.GIVEN || state == ConsentState.IMPLIED;
    }
}
