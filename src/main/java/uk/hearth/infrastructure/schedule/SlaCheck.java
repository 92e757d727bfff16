package uk.hearth.infrastructure.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** When a deadline deserves a warning, and how many are due soon or overdue. */
final class SlaCheck {
    private final Duration warnBefore;
    private final Duration makeSafeWarnBefore;

    SlaCheck(Duration warnBefore, Duration makeSafeWarnBefore) {
        this.warnBefore = warnBefore;
        this.makeSafeWarnBefore = makeSafeWarnBefore;
    }

    /** Empty while the deadline is further away than the warning period. */
    Optional<WarningLevel> levelAt(Deadline deadline, Instant now) {
        if (!now.isBefore(deadline.dueAt())) {
            return Optional.of(WarningLevel.LAPSED);
        }
        if (!now.isBefore(deadline.dueAt().minus(warnBefore(deadline.kind())))) {
            return Optional.of(WarningLevel.DUE_SOON);
        }
        return Optional.empty();
    }

    Duration warnBefore(DeadlineKind kind) {
        return kind == DeadlineKind.MAKE_SAFE ? makeSafeWarnBefore : warnBefore;
    }

    /** The longest warning period: deadlines further away than this need not be read at all. */
    Duration horizon() {
        return warnBefore.compareTo(makeSafeWarnBefore) >= 0 ? warnBefore : makeSafeWarnBefore;
    }

    /** Deadlines by kind and level: the figures behind {@code hearth.cases.due} and {@code hearth.cases.overdue}. */
    Figures count(Collection<Deadline> deadlines, Instant now) {
        Map<DeadlineKind, int[]> counts = new EnumMap<>(DeadlineKind.class);
        for (DeadlineKind kind : DeadlineKind.values()) {
            counts.put(kind, new int[WarningLevel.values().length]);
        }
        for (Deadline deadline : deadlines) {
            levelAt(deadline, now).ifPresent(level -> counts.get(deadline.kind())[level.ordinal()]++);
        }
        return new Figures(counts, now);
    }

    record Figures(Map<DeadlineKind, int[]> counts, Instant at) {
        int of(DeadlineKind kind, WarningLevel level) {
            return counts.get(kind)[level.ordinal()];
        }
    }
}
