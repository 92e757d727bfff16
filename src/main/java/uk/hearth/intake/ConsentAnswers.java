package uk.hearth.intake;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.CaseFile;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.ConsentState;
import uk.hearth.complaint.Outbox;
import uk.hearth.intake.consent.ConsentRecord;
import uk.hearth.intake.consent.Consents;
import uk.hearth.intake.consent.Tenancies;
import uk.hearth.intake.consent.Tenancy;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OutboundReply;
import uk.hearth.message.Sender;

/**
 * The tenant's answer about a representative, and what staff record: a yes (a reply "YES", consent recorded by
 * staff) releases the case and both are acknowledged; a no closes the representative's access and leaves the
 * matter to the tenant; a withdrawal stops further disclosure at once, including replies not yet sent.
 */
public final class ConsentAnswers {
    private static final Pattern YES = Pattern.compile(
            "(yes|y|yeah|yep|yup|ok|okay|i agree|agreed|i consent|that is fine|thats fine|fine|ie|iawn|ydw|cytuno)"
                    + "( (please|thanks|thank you|that is fine|thats fine|fine|happy|i am happy|diolch))*");
    private static final Pattern NO = Pattern.compile(
            "(no|n|nope|no thanks|no thank you|i do not|i dont|i do not agree|na|nac ydw|nage|dim diolch)"
                    + "( (please|thanks|thank you|i do not|i dont|diolch))*");

    private final Cases cases;
    private final Outbox outbox;
    private final Consents consents;
    private final Tenancies tenancies;
    private final Acknowledging acknowledging;
    private final ReplyRouting routing;
    private final IntakePorts ports;
    private final Clock clock;

    public ConsentAnswers(IntakePorts ports, uk.hearth.complaint.PolicyProfile profile, Clock clock) {
        this(ports, Acknowledging.of(ports, profile, clock),
                ReplyRouting.of(ports), clock);
    }

    ConsentAnswers(IntakePorts ports, Acknowledging acknowledging, ReplyRouting routing, Clock clock) {
        this.ports = ports;
        this.cases = ports.cases();
        this.outbox = ports.outbox();
        this.consents = ports.consents();
        this.tenancies = ports.tenancies();
        this.acknowledging = acknowledging;
        this.routing = routing;
        this.clock = clock;
    }

    /**
     * A message from a tenant we asked about a representative that says plainly yes or no.
     *
     * @return the case it answered; empty when the sender was not asked or the answer is not plain
     */
    Optional<Long> answer(InboundMessage message) {
        // The words first: most messages are no plain answer, and then whether the sender was asked does not matter.
        String said = plain(message.text());
        boolean yes = YES.matcher(said).matches();
        boolean no = NO.matcher(said).matches();
        if (yes == no) {
            return Optional.empty();
        }
        Optional<Long> asked = cases.awaitingConsentAskedOf(message.sender());
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        long caseId = asked.get();
        CaseFile c = cases.find(caseId).orElseThrow();
        String how = "the tenant replied \"" + message.text().strip() + "\" by " + message.channel();
        cases.recordEvent(caseId, "consent_answer", how, message.receivedAt());
        if (yes) {
            grant(c, consents.add(fromTenantReply(c, message)), how);
        } else {
            refuse(c, how);
        }
        return Optional.of(caseId);
    }

    /** Staff recorded consent or authority: it releases every case of this representative that it covers. */
    public long record(ConsentRecord consent) {
        long id = consents.add(consent);
        ConsentRecord stored = consents.find(id).orElseThrow();
        Sender representative = new Sender(stored.representative().name(), stored.representative().email(),
                stored.representative().phone());
        for (CaseFile c : cases.awaitingConsentFor(representative)) {
            String tenantName = c.tenant() == null ? null : c.tenant().name();
            String tenantAddress = c.tenant() == null ? null : c.tenant().address();
            if (stored.validAt(clock.instant()) && stored.covers(c.reference())
                    && stored.concerns(c.tenancyReference(), tenantName, tenantAddress)) {
                grant(c, id, stored.describe());
            }
        }
        return id;
    }

    /** The tenant withdrew their consent: the representative is told nothing more, from now. */
    public List<Long> withdraw(long consentId, String reason) {
        ConsentRecord consent = consents.find(consentId)
                .orElseThrow(() -> new IllegalArgumentException("no consent " + consentId));
        consents.withdraw(consentId, reason, clock.instant());
        List<Long> affected = cases.relyingOnConsent(consentId);
        for (long caseId : affected) {
            CaseFile c = cases.find(caseId).orElseThrow();
            cases.setConsent(caseId, ConsentState.WITHDRAWN, consentId,
                    c.status() == CaseStatus.CLOSED ? CaseStatus.CLOSED : CaseStatus.AWAITING_CONSENT);
            int stopped = 0;
            for (String address : addresses(c.contact())) {
                stopped += outbox.cancelPending(caseId, address, "consent withdrawn");
            }
            cases.recordEvent(caseId, "consent_withdrawn", "consent " + consentId + " withdrawn ("
                    + (reason == null ? "no reason given" : reason) + "); nothing more goes to "
                    + consent.representative().name() + (stopped > 0 ? "; " + stopped + " unsent message(s) stopped" : ""),
                    clock.instant());
        }
        return affected;
    }

    private void grant(CaseFile c, long consentId, String how) {
        cases.setConsent(c.id(), ConsentState.GIVEN, consentId,
                c.status() == CaseStatus.AWAITING_CONSENT ? CaseStatus.OPEN : c.status());
        cases.recordEvent(c.id(), "consent_given", how + "; the representative may now be told about the case",
                clock.instant());
        ports.inbox().openingMessage(c.id()).ifPresent(first -> acknowledging.acknowledge(c.id(), first,
                c.reference(), c.caseClass(), c.stage(), CaseStatus.OPEN, c.deadlines(), c.flags().hazard(),
                c.flags().needsClarification(), routing.choose(first)));
        tellTenant(c, true);
    }

    private void refuse(CaseFile c, String how) {
        cases.setConsent(c.id(), ConsentState.REFUSED, null,
                c.status() == CaseStatus.AWAITING_CONSENT ? CaseStatus.OPEN : c.status());
        cases.flagForStaff(c.id(), "the tenant refused the representative: ask the tenant whether they want the"
                + " matter looked into, and tell the representative nothing about it");
        cases.recordEvent(c.id(), "consent_refused", how, clock.instant());
        ports.inbox().openingMessage(c.id()).ifPresent(first -> {
            ReplyRouting.Target target = routing.choose(first);
            Map<String, Object> values = new HashMap<>();
            values.put("reference", c.reference().value());
            values.put("representativeName", c.contact().name());
            send(c.id(), "consent_refused", target, ports.wording().write("consent-refused", target.channel(),
                    first.language(), values));
        });
        tellTenant(c, false);
    }

    private void tellTenant(CaseFile c, boolean granted) {
        Optional<Tenancy> tenant = c.tenancyReference() == null ? Optional.empty() : tenancies.find(c.tenancyReference());
        if (tenant.isEmpty()) {
            return;
        }
        Tenancy t = tenant.get();
        ChannelId origin = t.preferredContact() != null ? t.preferredContact() : ChannelId.EMAIL;
        ReplyRouting.Target target = routing.alternative(t.asContact(), t.preferredContact(), origin, Set.of());
        Map<String, Object> values = new HashMap<>();
        values.put("reference", c.reference().value());
        values.put("representativeName", c.contact().name() == null ? "the person who wrote" : c.contact().name());
        values.put("granted", granted);
        send(c.id(), "consent_confirmation", target, ports.wording().write("consent-confirmed", target.channel(),
                t.language(), values));
    }

    private void send(long caseId, String kind, ReplyRouting.Target target, Acknowledgements.Written written) {
        OutboundReply reply = new OutboundReply(target.channel(), target.recipient(), written.subject(), written.body());
        if (target.automatic()) {
            outbox.enqueue(caseId, kind, reply);
        } else {
            outbox.recordManual(caseId, kind, reply);
        }
    }

    private ConsentRecord fromTenantReply(CaseFile c, InboundMessage reply) {
        Tenancy tenant = c.tenancyReference() == null ? null : tenancies.find(c.tenancyReference()).orElse(null);
        String role = c.flags().representativeRole() == null ? "other" : c.flags().representativeRole();
        return new ConsentRecord(0, c.tenancyReference(),
                tenant != null ? tenant.name() : c.tenant() == null ? "the tenant" : c.tenant().name(),
                tenant != null ? tenant.address() : c.tenant() == null ? null : c.tenant().address(),
                new ConsentRecord.Representative(c.contact().name() == null ? "unnamed" : c.contact().name(),
                        c.contact().email(), c.contact().phone(), role),
                ConsentRecord.Form.WRITTEN, reply.channel() + " reply " + reply.externalId(), null, "tenant's reply",
                c.reference().value(), reply.receivedAt(), null, null);
    }

    private static List<String> addresses(Sender contact) {
        return java.util.stream.Stream.of(contact.email(), contact.phone(), contact.handle())
                .filter(a -> a != null && !a.isBlank()).toList();
    }

    /** Lower case, letters and spaces only: "Yes!! 👍" reads "yes". */
    static String plain(String text) {
        return text.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^\\p{L}\\p{N} ]+", " ")
                .replaceAll("\\s+", " ").strip();
    }
}
