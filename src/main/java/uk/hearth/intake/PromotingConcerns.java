package uk.hearth.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseFile;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.DeadlineCalculator;
import uk.hearth.complaint.Deadlines;
import uk.hearth.message.InboundMessage;

/**
 * Beyond Housing 3.3: a concern not resolved within its working days is logged as a stage 1 complaint. Its
 * stage 1 clock starts the day it is promoted, and the resident is acknowledged again for stage 1.
 */
public final class PromotingConcerns {
    private final IntakePorts ports;
    private final Cases cases;
    private final DeadlineCalculator deadlines;
    private final ReplyRouting routing;
    private final Acknowledging acknowledging;
    private final Clock clock;

    public PromotingConcerns(IntakePorts ports, DeadlineCalculator deadlines, Clock clock) {
        this.ports = ports;
        this.cases = ports.cases();
        this.deadlines = deadlines;
        this.routing = ReplyRouting.of(ports);
        this.acknowledging = Acknowledging.of(ports, deadlines.profile(), clock);
        this.clock = clock;
    }

    /** The open concerns whose resolve-by day has passed. */
    public List<Long> due() {
        return cases.concernsUnresolvedBefore(clock.instant().atZone(deadlines.zone()).toLocalDate());
    }

    /** Makes one concern a stage 1 complaint; nothing when it was resolved or closed meanwhile. */
    public void promote(long caseId) {
        CaseFile c = cases.find(caseId).orElseThrow();
        if (!c.isOpen() || c.stage1RespondedAt() != null) {
            return;
        }
        Instant now = clock.instant();
        InboundMessage first = ports.inbox().openingMessage(caseId).orElse(null);
        ReplyRouting.Target target = first == null ? null : routing.choose(first);
        Deadlines due = deadlines.forNewCase(CaseClass.COMPLAINT, 1, now, c.flags().hazard(),
                target != null && target.automatic());
        cases.promoteConcern(caseId, due);
        cases.recordEvent(caseId, "concern_promoted", "not resolved as a concern by its date: now a stage 1 complaint;"
                + " acknowledge by " + due.acknowledgeBy() + ", respond by " + due.respondBy(), now);
        if (first != null && c.consentState().name().matches("NOT_REQUIRED|GIVEN|IMPLIED")) {
            acknowledging.acknowledge(caseId, first, c.reference(), CaseClass.COMPLAINT, 1, c.status(), due,
                    c.flags().hazard(), false, target);
        }
    }
}
