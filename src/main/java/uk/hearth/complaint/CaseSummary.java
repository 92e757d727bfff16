package uk.hearth.complaint;

import java.time.LocalDate;

/**
 * @param respondBy               null for compliments
 * @param acknowledgementChannel  where the acknowledgement goes (email, letter, phone, ...)
 * @param acknowledgementManual   true when staff must make it by hand
 * @param urgent                  a possible hazard: to be made safe within the profile's hours
 */
public record CaseSummary(long id, CaseReference reference, CaseClass caseClass, CaseStatus status, String channel,
                          LocalDate acknowledgeBy, LocalDate respondBy, String acknowledgementChannel,
                          boolean acknowledgementManual, boolean urgent) {
}
