package uk.hearth.infrastructure.schedule;

import java.time.Instant;

/** A deadline of an open case that is not yet met. */
record Deadline(long caseId, String reference, DeadlineKind kind, Instant dueAt) {
}
