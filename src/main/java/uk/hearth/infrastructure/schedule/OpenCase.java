package uk.hearth.infrastructure.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the watchdog reads of an open case.
 *
 * @param acknowledgementStatus the outbox status of the case's latest acknowledgement (an escalation adds a new
 *                              one), or null when none was written; only SENT meets the deadline — MANUAL_DUE
 *                              is a letter or call staff still owe
 * @param stage1RespondedAt     when the stage 1 response went, which meets a stage 1 response deadline
 * @param stage2RespondedAt     when the stage 2 response went, which meets a stage 2 response deadline
 * @param investigateBy         for damp and mould, the investigation deadline; met once a response is recorded
 */
record OpenCase(long id, String reference, int stage, boolean hazard, LocalDate acknowledgeBy, LocalDate respondBy,
                Instant makeSafeBy, String acknowledgementStatus, Instant stage1RespondedAt, Instant stage2RespondedAt,
                LocalDate investigateBy) {

    OpenCase(long id, String reference, int stage, boolean hazard, LocalDate acknowledgeBy, LocalDate respondBy,
             Instant makeSafeBy, String acknowledgementStatus, Instant stage1RespondedAt) {
        this(id, reference, stage, hazard, acknowledgeBy, respondBy, makeSafeBy, acknowledgementStatus,
                stage1RespondedAt, null, null);
    }

    /**
     * The deadlines still to meet. A date deadline ("acknowledge by 27 November") lasts until that day ends
     * where the landlord is.
     */
    List<Deadline> outstanding(ZoneId zone) {
        List<Deadline> due = new ArrayList<>(3);
        if (acknowledgeBy != null && !"SENT".equals(acknowledgementStatus)) {
            due.add(new Deadline(id, reference, DeadlineKind.ACKNOWLEDGE, endOf(acknowledgeBy, zone)));
        }
        boolean responded = stage == 1 ? stage1RespondedAt != null : stage2RespondedAt != null;
        if (respondBy != null && !responded) {
            due.add(new Deadline(id, reference, DeadlineKind.RESPOND, endOf(respondBy, zone)));
        }
        if (hazard && makeSafeBy != null) {
            due.add(new Deadline(id, reference, DeadlineKind.MAKE_SAFE, makeSafeBy));
        }
        if (investigateBy != null && stage1RespondedAt == null && stage2RespondedAt == null) {
            due.add(new Deadline(id, reference, DeadlineKind.INVESTIGATE, endOf(investigateBy, zone)));
        }
        return due;
    }

    static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
