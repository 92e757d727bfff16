package uk.hearth.web;

import java.time.LocalDate;
import java.util.Locale;
import uk.hearth.infrastructure.intake.IntakeService;

/** What a confirmation page tells the person who submitted a form. */
public record FormOutcome(String reference, String caseClass, String status, LocalDate acknowledgeBy,
                          LocalDate respondBy, String acknowledgementChannel, boolean acknowledgementManual,
                          boolean urgent) {

    public static FormOutcome of(IntakeService.Received received) {
        return received.processed()
                .map(p -> new FormOutcome(p.reference().value(), p.caseClass().wireName(), p.status().wireName(),
                        p.acknowledgeBy(), p.respondBy(), p.acknowledgementChannel(), p.acknowledgementManual(),
                        p.urgent()))
                .orElseGet(() -> new FormOutcome(null, null, "received", null, null, null, false, false));
    }

    public static String language(Locale locale) {
        return locale != null && "cy".equals(locale.getLanguage()) ? "cy" : "en";
    }
}
