package uk.hearth.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.CaseSummary;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.ConsentState;
import uk.hearth.complaint.DeadlineCalculator;
import uk.hearth.complaint.NewCase;
import uk.hearth.complaint.Outbox;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.complaint.WorkingDayCalendar;
import uk.hearth.intake.triage.Triage;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;
import uk.hearth.message.OnBehalfOf;
import uk.hearth.message.OutboundReply;
import uk.hearth.message.Sender;

/** The processing use case with in-memory ports: no Spring, no database. */
class ProcessingInboundTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    // Wednesday 18 November 2026, 10:00 London: a working day, within hours.
    private static final Instant WEDNESDAY_MORNING = Instant.parse("2026-11-18T10:00:00Z");

    private final MemoryPorts.MemoryInbox inbox = new MemoryPorts.MemoryInbox();
    private final MemoryPorts.MemoryOutbox outbox = new MemoryPorts.MemoryOutbox();
    private final MemoryPorts.MemoryCases cases = new MemoryPorts.MemoryCases(inbox, outbox);
    private final MemoryPorts.MemoryOptOuts optOuts = new MemoryPorts.MemoryOptOuts();
    private final Set<String> replyRoutes = new java.util.HashSet<>(Set.of("email"));
    private final ProcessingInbound processing = new ProcessingInbound(
            MemoryPorts.ports(inbox, cases, outbox,
                    facts -> new Acknowledgements.Written("Ref " + facts.reference(), "ack for " + facts.caseClass()),
                    channel -> replyRoutes.contains(channel.value()), optOuts,
                    new MemoryPorts.MemoryConsents(), new MemoryPorts.MemoryTenancies()),
            Triage.standard(),
            new DeadlineCalculator(new WorkingDayCalendar(Set.of(LocalDate.of(2026, 12, 25)), LocalTime.of(9, 0),
                    LocalTime.of(17, 0), LONDON), profile()),
            Clock.fixed(WEDNESDAY_MORNING, ZoneOffset.UTC), LONDON, Map.of());

    @Test
    void aComplaintByWebFormBecomesACaseWithCodeDeadlinesAndAQueuedEmail() {
        long id = inbox.store(message("The contractor never turned up for the third time and nobody called me back. "
                + "I want to make a complaint.", new Sender("Ann Jones", "ann@example.org", null), null, null));

        Processed processed = processing.process(id).orElseThrow();

        assertThat(processed.caseClass()).isEqualTo(CaseClass.COMPLAINT);
        assertThat(processed.reference().value()).isEqualTo("HRT-2026-000001");
        assertThat(processed.status()).isEqualTo(CaseStatus.OPEN);
        NewCase registered = cases.added.get(0);
        assertThat(registered.stage()).isEqualTo(1);
        assertThat(registered.consentState()).isEqualTo(ConsentState.NOT_REQUIRED);
        // Day zero Wed 18 Nov; acknowledge within 5 working days: Wed 25 Nov.
        assertThat(registered.deadlines().acknowledgeBy()).isEqualTo(LocalDate.of(2026, 11, 25));
        // Acknowledged on receipt, so 10 working days from day zero: Wed 2 Dec.
        assertThat(registered.deadlines().respondBy()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(registered.reasons()).isNotEmpty();
        assertThat(outbox.queued).singleElement().satisfies(reply -> {
            assertThat(reply.channel()).isEqualTo(ChannelId.EMAIL);
            assertThat(reply.recipient()).isEqualTo("ann@example.org");
        });
        assertThat(inbox.processedCase).containsEntry(id, 1L);
        assertThat(cases.eventTypes).contains("received", "classified", "acknowledgement_queued");
    }

    @Test
    void processingTwiceGivesTheFirstOutcomeAndNoSecondAcknowledgement() {
        long id = inbox.store(message("Thank you to the caretaker, the stairs look great",
                new Sender("B", "b@example.org", null), null, null));

        Processed first = processing.process(id).orElseThrow();
        Processed second = processing.process(id).orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(cases.added).hasSize(1);
        assertThat(outbox.queued).hasSize(1);
    }

    @Test
    void theOutcomeOfOpeningACaseIsWhatTheCaseReadsBackAs() {
        List<InboundMessage> messages = List.of(
                message("Strong smell of gas by the meter cupboard", new Sender("F", "f@example.org", null), null, null),
                message("Nobody has replied to my letters about the damp for two months", new Sender("G", null, null),
                        ChannelId.of("letter"), null),
                message("My dad has had no hot water for a week", new Sender("H", "h@example.org", null), null,
                        new OnBehalfOf("Mr I", "2 High St", "son")));
        for (InboundMessage m : messages) {
            long id = inbox.store(m);

            Processed opened = processing.process(id).orElseThrow();

            // Processing it again reads the case back from the store.
            assertThat(opened.outcome()).isEqualTo(Processed.Outcome.OPENED);
            assertThat(processing.process(id)).contains(opened);
        }
    }

    @Test
    void aLetterPreferenceLeavesAnAcknowledgementDueFromStaff() {
        long id = inbox.store(message("Nobody has replied to my letters about the damp for two months",
                new Sender("C", null, null), ChannelId.of("letter"), null));

        Processed processed = processing.process(id).orElseThrow();

        assertThat(processed.acknowledgementManual()).isTrue();
        assertThat(processed.acknowledgementChannel()).isEqualTo("letter");
        assertThat(outbox.queued).isEmpty();
        assertThat(outbox.manual).singleElement().extracting(OutboundReply::channel).isEqualTo(ChannelId.of("letter"));
        // Not acknowledged on receipt: the response clock starts at the last acknowledgement date.
        NewCase registered = cases.added.get(0);
        assertThat(registered.deadlines().respondBy())
                .isAfter(registered.deadlines().acknowledgeBy());
    }

    @Test
    void aRepresentativeLeavesTheCaseAwaitingTheTenantsConsent() {
        long id = inbox.store(message("My mum has had no heating for a week and nobody has come",
                new Sender("D", "d@example.org", null), null, new OnBehalfOf("Mrs E", "1 High St", "daughter")));

        Processed processed = processing.process(id).orElseThrow();

        assertThat(processed.status()).isEqualTo(CaseStatus.AWAITING_CONSENT);
        assertThat(cases.added.get(0).consentState()).isEqualTo(ConsentState.PENDING);
        assertThat(cases.added.get(0).flags().representative()).isTrue();
    }

    @Test
    void aStopIsANoticeThatOptsTheNumberOutAndAStartOptsItBackIn() {
        ChannelId sms = ChannelId.of("sms");
        Sender texter = new Sender(null, null, "+447700900123");
        long stop = inbox.store(InboundMessage.builder(sms, "SM-stop", "STOP", WEDNESDAY_MORNING).sender(texter)
                .notice(new Notice(Notice.Kind.OPT_OUT, "texted STOP")).build());

        Processed stopped = processing.process(stop).orElseThrow();

        assertThat(stopped.outcome()).isEqualTo(Processed.Outcome.UNMATCHED);
        assertThat(cases.added).isEmpty();
        assertThat(outbox.queued).isEmpty();
        assertThat(optOuts.isOptedOut(sms, "+447700900123")).isTrue();
        assertThat(optOuts.isOptedOut(ChannelId.of("whatsapp"), "+447700900123")).isFalse();

        long start = inbox.store(InboundMessage.builder(sms, "SM-start", "START", WEDNESDAY_MORNING).sender(texter)
                .notice(new Notice(Notice.Kind.OPT_IN, "texted START")).build());
        processing.process(start);

        assertThat(optOuts.isOptedOut(sms, "+447700900123")).isFalse();
    }

    @Test
    void aMissingMessageIsNotProcessed() {
        assertThat(processing.process(999)).isEmpty();
    }

    private static InboundMessage message(String text, Sender sender, ChannelId preferred, OnBehalfOf tenant) {
        return InboundMessage.builder(ChannelId.WEB, java.util.UUID.randomUUID().toString(), text, WEDNESDAY_MORNING)
                .sender(sender).preferredContact(preferred).onBehalfOf(tenant).build();
    }

    private static PolicyProfile profile() {
        return new PolicyProfile("code", "Code", "Test Homes", new PolicyProfile.Contact(null, null, null),
                new PolicyProfile.Stage(5, 10, null, 10), new PolicyProfile.Stage(5, 20, null, 20), 10, 24,
                new PolicyProfile.Ombudsman("Housing Ombudsman Service", "0300 111 3000",
                        "www.housing-ombudsman.org.uk", "PO Box 152, Liverpool L33 7WQ"), null, null, null);
    }
}
