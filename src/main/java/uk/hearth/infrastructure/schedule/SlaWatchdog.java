package uk.hearth.infrastructure.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLA watchdog: warns staff once when an acknowledgement, response or make-safe deadline of an open case
 * comes within the warning period, and once more when it passes unmet. Run by the {@code sla-watchdog} route.
 */
public class SlaWatchdog {
    private static final Logger log = LoggerFactory.getLogger(SlaWatchdog.class);

    private final OpenDeadlines deadlines;
    private final SlaCheck check;
    private final SlaWarnings warnings;
    private final StaffAlerts alerts;
    private final SlaFigures figures;
    private final SchedulerProperties.Alerts alertSettings;
    private final Clock clock;
    private final ZoneId zone;

    SlaWatchdog(OpenDeadlines deadlines, SlaCheck check, SlaWarnings warnings, StaffAlerts alerts, SlaFigures figures,
                SchedulerProperties.Alerts alertSettings, Clock clock, ZoneId zone) {
        this.deadlines = deadlines;
        this.check = check;
        this.warnings = warnings;
        this.alerts = alerts;
        this.figures = figures;
        this.alertSettings = alertSettings;
        this.clock = clock;
        this.zone = zone;
    }

    public record Run(int raised, int delivered) {
    }

    public Run run() {
        Instant now = clock.instant();
        List<Deadline> near = deadlines.endingBefore(now.plus(check.horizon()));
        figures.update(check.count(near, now));
        List<String> channels = channels();
        int raised = 0;
        if (channels.isEmpty()) {
            log.debug("No staff email or webhook configured: {} deadlines near or passed, nobody to warn", near.size());
        } else {
            Set<String> known = warnings.raisedForOpenCases();
            for (Deadline deadline : near) {
                Optional<WarningLevel> level = check.levelAt(deadline, now);
                if (level.isPresent() && !known.contains(SlaWarnings.key(deadline, level.get()))
                        && raise(deadline, level.get(), channels, now)) {
                    raised++;
                }
            }
        }
        int delivered = alerts.deliverDue();
        if (raised > 0 || delivered > 0) {
            log.info("SLA watchdog: {} warnings raised, {} deliveries to staff", raised, delivered);
        }
        return new Run(raised, delivered);
    }

    private boolean raise(Deadline deadline, WarningLevel level, List<String> channels, Instant now) {
        try {
            return warnings.raise(deadline, level, channels, eventDetail(deadline, level, channels), now);
        } catch (RuntimeException e) {
            log.warn("Cannot raise the {} warning for case {}: {}", level.wireName(), deadline.reference(), e.toString());
            return false;
        }
    }

    private String eventDetail(Deadline deadline, WarningLevel level, List<String> channels) {
        String due = deadline.kind().shown(deadline.dueAt(), zone);
        String what = level == WarningLevel.LAPSED
                ? "the " + deadline.kind().label() + " deadline passed (was due " + due + ")"
                : "the " + deadline.kind().label() + " is due by " + due;
        return what + "; staff warned by " + String.join(" and ", channels);
    }

    private List<String> channels() {
        List<String> channels = new ArrayList<>(2);
        if (alertSettings.byEmail()) {
            channels.add(StaffAlerts.EMAIL);
        }
        if (alertSettings.byWebhook()) {
            channels.add(StaffAlerts.WEBHOOK);
        }
        return channels;
    }
}
