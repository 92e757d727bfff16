package uk.hearth.intake;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.Outbox;
import uk.hearth.complaint.Wording;
import uk.hearth.intake.consent.Tenancy;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OutboundReply;

/**
 * When a representative writes without consent on file and the register knows the tenant, the tenant is asked
 * directly, on their preferred channel, whether we may deal with the representative (Bury 8.4).
 */
final class AskingTenant {
    static final String KIND = "consent_request";

    private final Cases cases;
    private final Outbox outbox;
    private final Wording wording;
    private final ReplyRouting routing;
    private final Clock clock;

    AskingTenant(Cases cases, Outbox outbox, Wording wording, ReplyRouting routing, Clock clock) {
        this.cases = cases;
        this.outbox = outbox;
        this.wording = wording;
        this.routing = routing;
        this.clock = clock;
    }

    void ask(long caseId, CaseReference reference, Tenancy tenant, InboundMessage fromRepresentative) {
        ChannelId origin = tenant.preferredContact() != null ? tenant.preferredContact() : ChannelId.EMAIL;
        ReplyRouting.Target target = routing.alternative(tenant.asContact(), tenant.preferredContact(), origin, Set.of());
        Map<String, Object> values = new HashMap<>();
        values.put("reference", reference.value());
        values.put("tenantName", tenant.name());
        values.put("representativeName", representativeName(fromRepresentative));
        values.put("relationship", fromRepresentative.onBehalfOf() == null ? null
                : fromRepresentative.onBehalfOf().relationship());
        Acknowledgements.Written written = wording.write("consent-request", target.channel(), tenant.language(), values);
        OutboundReply request = new OutboundReply(target.channel(), target.recipient(), written.subject(), written.body());
        if (target.automatic()) {
            outbox.enqueue(caseId, KIND, request);
            cases.recordEvent(caseId, "consent_requested", "asked the tenant (tenancy " + tenant.reference() + ") by "
                    + target.channel() + " whether we may deal with the representative", clock.instant());
        } else {
            outbox.recordManual(caseId, KIND, request);
            cases.recordEvent(caseId, "consent_request_due", "staff to ask the tenant (tenancy " + tenant.reference()
                    + ") by " + target.channel() + " whether we may deal with the representative", clock.instant());
        }
    }

    static String representativeName(InboundMessage message) {
        String name = message.sender().name();
        return name == null || name.isBlank() ? "someone" : name.strip();
    }
}
