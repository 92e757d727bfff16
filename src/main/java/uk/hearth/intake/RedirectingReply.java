package uk.hearth.intake;

import java.time.Clock;
import java.util.Set;
import uk.hearth.complaint.CaseFile;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.Outbox;
import uk.hearth.message.ChannelId;
import uk.hearth.message.OutboundReply;

/**
 * A reply a channel refused for good (an opt-out, a closed messaging window) goes to another contact the
 * resident has; when there is none, staff are asked to reach them by phone or letter. Either way the case says so.
 */
public final class RedirectingReply {
    private final Cases cases;
    private final Outbox outbox;
    private final OptOuts optOuts;
    private final ReplyRouting routing;
    private final Clock clock;

    public RedirectingReply(IntakePorts ports, Clock clock) {
        this.cases = ports.cases();
        this.outbox = ports.outbox();
        this.optOuts = ports.optOuts();
        this.routing = ReplyRouting.of(ports);
        this.clock = clock;
    }

    /**
     * @param recipientOptedOut the recipient asked not to be messaged on the refused channel: remember it
     */
    public void redirect(long caseId, String kind, OutboundReply refused, String why, boolean recipientOptedOut) {
        ChannelId failed = refused.channel();
        if (recipientOptedOut && refused.recipient() != null) {
            optOuts.optOut(failed, refused.recipient(), why);
        }
        CaseFile c = cases.find(caseId)
                .orElseThrow(() -> new IllegalStateException("outbound message of missing case " + caseId));
        ReplyRouting.Target next = routing.alternative(c.contact(), c.preferredContact(), c.channel(), Set.of(failed));
        OutboundReply again = new OutboundReply(next.channel(), next.recipient(), refused.subject(), refused.body());
        if (next.automatic()) {
            outbox.enqueue(caseId, kind, again);
            cases.recordEvent(caseId, kind + "_redirected", failed + " refused it (" + why + "); sending by "
                    + next.channel() + " instead", clock.instant());
        } else {
            outbox.recordManual(caseId, kind, again);
            cases.recordEvent(caseId, kind + "_due", failed + " refused it (" + why + ") and no other automatic"
                    + " channel reaches the resident: staff to reach them by " + next.channel(), clock.instant());
        }
    }
}
