package uk.hearth.infrastructure.schedule;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges {@code hearth.cases.due} (within the warning period) and {@code hearth.cases.overdue} (lapsed), tagged
 * by deadline. The watchdog refreshes them on the node that runs it; on the other nodes a read recounts them
 * once they are older than {@code figures-max-age}, so every node reports the cluster's figures.
 */
class SlaFigures {
    private static final Logger log = LoggerFactory.getLogger(SlaFigures.class);

    private final Supplier<SlaCheck.Figures> counting;
    private final Clock clock;
    private final Duration maxAge;
    private volatile SlaCheck.Figures current;

    SlaFigures(Supplier<SlaCheck.Figures> counting, Clock clock, Duration maxAge, MeterRegistry meters) {
        this.counting = counting;
        this.clock = clock;
        this.maxAge = maxAge;
        for (DeadlineKind kind : DeadlineKind.values()) {
            Gauge.builder("hearth.cases.due", this, f -> f.value(kind, WarningLevel.DUE_SOON))
                    .description("Open cases whose deadline is within the warning period and not yet met")
                    .tag("deadline", kind.wireName()).register(meters);
            Gauge.builder("hearth.cases.overdue", this, f -> f.value(kind, WarningLevel.LAPSED))
                    .description("Open cases whose deadline has passed without being met")
                    .tag("deadline", kind.wireName()).register(meters);
        }
    }

    void update(SlaCheck.Figures figures) {
        current = figures;
    }

    double value(DeadlineKind kind, WarningLevel level) {
        SlaCheck.Figures figures = current;
        if (figures == null || figures.at().plus(maxAge).isBefore(clock.instant())) {
            try {
                figures = counting.get();
                current = figures;
            } catch (RuntimeException e) {
                log.debug("Cannot count due and overdue cases now: {}", e.toString());
                if (figures == null) {
                    return Double.NaN;
                }
            }
        }
        return figures.of(kind, level);
    }
}
