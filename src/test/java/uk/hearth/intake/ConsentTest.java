package uk.hearth.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.ConsentState;
import uk.hearth.complaint.DeadlineCalculator;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.complaint.WorkingDayCalendar;
import uk.hearth.intake.consent.ConsentRecord;
import uk.hearth.intake.consent.Tenancy;
import uk.hearth.intake.triage.ShippedTriage;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OnBehalfOf;
import uk.hearth.message.OutboundReply;
import uk.hearth.message.Sender;

/** Representatives and the tenant's consent (Bury 8, Berneslai 6), with the ports in memory. */
class ConsentTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant MONDAY = Instant.parse("2026-11-16T10:00:00Z");
    private static final ChannelId SMS = ChannelId.of("sms");
    private static final Tenancy EDNA = new Tenancy("T-1001", "Edna Ellis", "9 Park Road, Bury BL9 0AA",
            "+447700900555", "edna.private@example.org", SMS, "en");
    private static final Sender DEE = new Sender("Dee Ellis", "dee@example.org", "+447700900111");
    private static final OnBehalfOf FOR_EDNA = new OnBehalfOf("Edna Ellis", "9 Park Road, Bury BL9 0AA", "daughter");

    private final MemoryPorts.MemoryInbox inbox = new MemoryPorts.MemoryInbox();
    private final MemoryPorts.MemoryOutbox outbox = new MemoryPorts.MemoryOutbox();
    private final MemoryPorts.MemoryCases cases = new MemoryPorts.MemoryCases(inbox, outbox);
    private final MemoryPorts.MemoryConsents consents = new MemoryPorts.MemoryConsents();
    private final MemoryPorts.MemoryTenancies tenancies = new MemoryPorts.MemoryTenancies();
    private final IntakePorts ports = MemoryPorts.ports(inbox, cases, outbox,
            facts -> new Acknowledgements.Written("Ref " + facts.reference(),
                    facts.writtenForSomeoneElse() ? "ack: we need the tenant's permission" : "ack: full"),
            channel -> Set.of("email", "sms").contains(channel.value()), new MemoryPorts.MemoryOptOuts(), consents,
            tenancies);
    private final Clock clock = Clock.fixed(MONDAY, ZoneOffset.UTC);

    ConsentTest() {
        tenancies.rows.add(EDNA);
    }

    private ProcessingInbound processing(List<String> impliedRoles) {
        PolicyProfile profile = new PolicyProfile("code", "Code", "Test Homes", new PolicyProfile.Contact(null, null, null),
                new PolicyProfile.Stage(5, 10, null, 10), new PolicyProfile.Stage(5, 20, null, 20), 10, 24,
                new PolicyProfile.Ombudsman("Housing Ombudsman Service", "0300 111 3000", "w", "a"), null, impliedRoles, null);
        return new ProcessingInbound(ports, ShippedTriage.get(), new DeadlineCalculator(
                new WorkingDayCalendar(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), LONDON), profile), clock,
                LONDON, Map.of());
    }

    private Processed receive(ProcessingInbound processing, InboundMessage message) {
        return processing.process(inbox.store(message)).orElseThrow();
    }

    private static InboundMessage fromDee(String text) {
        return InboundMessage.builder(ChannelId.EMAIL, UUID.randomUUID().toString(), text, MONDAY)
                .sender(DEE).onBehalfOf(FOR_EDNA).build();
    }

    private static InboundMessage sms(Sender from, String text) {
        return InboundMessage.builder(SMS, UUID.randomUUID().toString(), text, MONDAY.plusSeconds(600))
                .sender(from).build();
    }

    private List<OutboundReply> to(String address) {
        return outbox.queued.stream().filter(r -> address.equals(r.recipient())).toList();
    }

    @Test
    void consentOnFileLetsTheRepresentativeBeToldAboutTheCase() {
        consents.add(new ConsentRecord(0, "T-1001", "Edna Ellis", EDNA.address(),
                new ConsentRecord.Representative("Dee Ellis", "dee@example.org", null, "family"),
                ConsentRecord.Form.WRITTEN, "scan-77", null, "officer", "all", MONDAY.minusSeconds(86_400), null, null));

        Processed p = receive(processing(List.of()), fromDee("Mum's boiler was meant to be fixed last week and "
                + "nobody came. I want to complain."));

        assertThat(p.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(cases.file(1).consentState()).isEqualTo(ConsentState.GIVEN);
        assertThat(cases.file(1).consentId()).isEqualTo(1L);
        assertThat(to("dee@example.org")).extracting(OutboundReply::body).containsExactly("ack: full");
        assertThat(outbox.kinds).doesNotContain("consent_request");
        assertThat(cases.events.get(1L)).anyMatch(e -> e.startsWith("consent_checked: consent on file: written"));
    }

    @Test
    void aRoleThePolicyNamesImpliesConsent() {
        InboundMessage fromCouncillor = InboundMessage.builder(ChannelId.EMAIL, "c1", "I am writing as ward councillor"
                        + " for my constituent at 9 Park Road whose damp has not been treated despite three visits.",
                        MONDAY).sender(new Sender("Cllr Amir Shah", "cllr.shah@council.example", null))
                .onBehalfOf(new OnBehalfOf("Edna Ellis", "9 Park Road, Bury BL9 0AA", "councillor")).build();

        Processed p = receive(processing(List.of("councillor", "mp")), fromCouncillor);

        assertThat(p.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(cases.file(1).consentState()).isEqualTo(ConsentState.IMPLIED);
        assertThat(cases.events.get(1L)).anyMatch(e -> e.contains("implies the tenant's consent"));
    }

    @Test
    void withoutConsentTheTenantIsAskedAndTheirYesReleasesTheCase() {
        ProcessingInbound processing = processing(List.of());
        Processed p = receive(processing, fromDee("My mum has had no hot water for a week. Please help."));

        assertThat(p.status()).isEqualTo(CaseStatus.AWAITING_CONSENT);
        assertThat(to("dee@example.org")).extracting(OutboundReply::body)
                .containsExactly("ack: we need the tenant's permission");
        OutboundReply request = to("+447700900555").get(0);
        assertThat(request.channel()).isEqualTo(SMS);
        assertThat(request.body()).startsWith("consent-request").contains("Dee Ellis", "daughter");

        Processed answer = receive(processing, sms(EDNA.asContact(), "Yes please 👍"));

        assertThat(answer.reference()).isEqualTo(p.reference());
        assertThat(cases.file(1).consentState()).isEqualTo(ConsentState.GIVEN);
        assertThat(cases.file(1).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(consents.rows).singleElement().satisfies(c -> {
            assertThat(c.form()).isEqualTo(ConsentRecord.Form.WRITTEN);
            assertThat(c.scope()).isEqualTo(p.reference().value());
        });
        assertThat(to("dee@example.org")).extracting(OutboundReply::body).endsWith("ack: full");
        assertThat(to("+447700900555")).extracting(OutboundReply::body).last().asString()
                .startsWith("consent-confirmed").contains("granted=true");
        assertThat(cases.added).hasSize(1);
    }

    @Test
    void aNoClosesTheRepresentativesAccessAndLeavesTheMatterToTheTenant() {
        ProcessingInbound processing = processing(List.of());
        receive(processing, fromDee("Mum's windows are rotten and the council have done nothing."));

        receive(processing, sms(EDNA.asContact(), "No"));

        assertThat(cases.file(1).consentState()).isEqualTo(ConsentState.REFUSED);
        assertThat(cases.attention.get(1L)).contains("refused the representative");
        assertThat(to("dee@example.org")).extracting(OutboundReply::body).last().asString()
                .startsWith("consent-refused");
    }

    @Test
    void aTenantNotInTheRegisterIsNotAskedAndAnUnclearReplyIsNotAnAnswer() {
        ProcessingInbound processing = processing(List.of());
        InboundMessage unknown = InboundMessage.builder(ChannelId.EMAIL, "u1", "Writing for my friend, her roof leaks"
                + " and no one has come", MONDAY).sender(DEE)
                .onBehalfOf(new OnBehalfOf("Flo Price", "2 Mill Lane, Leeds LS1 4AB", "friend")).build();

        receive(processing, unknown);
        Processed other = receive(processing, sms(EDNA.asContact(), "yes the bins were not collected again"));

        assertThat(outbox.kinds).doesNotContain("consent_request");
        assertThat(cases.file(1).consentState()).isEqualTo(ConsentState.PENDING);
        assertThat(other.reference()).isNotEqualTo(cases.file(1).reference());
    }

    @Test
    void staffRecordingConsentReleasesTheCaseAndWithdrawalStopsDisclosure() {
        ProcessingInbound processing = processing(List.of());
        receive(processing, fromDee("Nobody has replied about mum's broken handrail for a month. Complaint please."));
        ConsentAnswers answers = new ConsentAnswers(ports, null, clock);

        long id = answers.record(new ConsentRecord(0, "T-1001", "Edna Ellis", null,
                new ConsentRecord.Representative("Dee Ellis", null, "+447700900111", "family"),
                ConsentRecord.Form.VERBAL, null, null, "officer", "all", MONDAY, null, null));

        assertThat(cases.file(1).consentState()).isEqualTo(ConsentState.GIVEN);
        assertThat(cases.file(1).status()).isEqualTo(CaseStatus.OPEN);

        answers.withdraw(id, "Mrs Ellis phoned to withdraw it");

        assertThat(cases.file(1).consentState()).isEqualTo(ConsentState.WITHDRAWN);
        assertThat(cases.file(1).status()).isEqualTo(CaseStatus.AWAITING_CONSENT);
        assertThat(outbox.cancelled).contains("1:dee@example.org", "1:+447700900111");
        assertThat(consents.find(id).orElseThrow().validAt(MONDAY.plusSeconds(1))).isFalse();
    }
}
