package uk.hearth.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.DeadlineCalculator;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.complaint.WorkingDayCalendar;
import uk.hearth.intake.triage.ShippedTriage;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;
import uk.hearth.message.OutboundReply;
import uk.hearth.message.Sender;

/** Messages that continue a case: threads, quoted references, conversations, escalations and notices. */
class FollowingUpTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant MONDAY = Instant.parse("2026-11-16T10:00:00Z");
    private static final Sender ANN = new Sender("Ann Jones", "ann@example.org", "+447700900123");
    private static final Sender BOB = new Sender("Bob Smith", "bob@example.org", null);
    private static final ChannelId MESSENGER = ChannelId.of("messenger");

    private final MemoryPorts.MemoryInbox inbox = new MemoryPorts.MemoryInbox();
    private final MemoryPorts.MemoryOutbox outbox = new MemoryPorts.MemoryOutbox();
    private final MemoryPorts.MemoryCases cases = new MemoryPorts.MemoryCases(inbox, outbox);
    private final MemoryPorts.MemoryOptOuts optOuts = new MemoryPorts.MemoryOptOuts();
    private final MemoryPorts.MemoryConsents consents = new MemoryPorts.MemoryConsents();
    private final MemoryPorts.MemoryTenancies tenancies = new MemoryPorts.MemoryTenancies();
    private final IntakePorts ports = MemoryPorts.ports(inbox, cases, outbox,
            facts -> new Acknowledgements.Written("Ref " + facts.reference(), "ack stage " + facts.stage()),
            channel -> Set.of("email", "sms", "messenger").contains(channel.value()), optOuts, consents, tenancies);
    private final ProcessingInbound processing = new ProcessingInbound(ports, ShippedTriage.get(),
            new DeadlineCalculator(new WorkingDayCalendar(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), LONDON),
                    profile()),
            Clock.fixed(MONDAY, ZoneOffset.UTC), LONDON, Map.of(MESSENGER, Duration.ofDays(7)));

    private Processed receive(InboundMessage message) {
        return processing.process(inbox.store(message)).orElseThrow();
    }

    private static InboundMessage.Builder email(Sender from, String text, Instant at) {
        return InboundMessage.builder(ChannelId.EMAIL, UUID.randomUUID().toString(), text, at).sender(from);
    }

    @Test
    void aReplyInTheThreadOfOurAcknowledgementJoinsTheCase() {
        Processed first = receive(email(ANN, "The repair to my roof was cancelled twice and nobody told me why. "
                + "I want to complain.", MONDAY).build());
        outbox.sent("<ack-1@hearth>");

        Processed reply = receive(email(ANN, "Also the gutter is hanging off now.", MONDAY.plusSeconds(3600))
                .inReplyTo(List.of("<ack-1@hearth>")).build());

        assertThat(reply.outcome()).isEqualTo(Processed.Outcome.FOLLOW_UP);
        assertThat(reply.reference()).isEqualTo(first.reference());
        assertThat(cases.added).hasSize(1);
        assertThat(outbox.queued).hasSize(1);
        assertThat(cases.events.get(1L)).anyMatch(e -> e.startsWith("follow_up") && e.contains("in the thread of"));
    }

    @Test
    void aQuotedReferenceFromTheSameContactJoinsButFromSomeoneElseIsLeftForStaff() {
        Processed first = receive(email(ANN, "Nobody has come to fix the leak since I reported it in August. "
                + "This is not good enough.", MONDAY).build());

        Processed same = receive(email(ANN, "Any news on " + first.reference() + "? Still leaking.",
                MONDAY.plusSeconds(60)).build());
        Processed other = receive(email(BOB, "About " + first.reference() + ": I live next door and it is my wall too",
                MONDAY.plusSeconds(120)).build());

        assertThat(same.reference()).isEqualTo(first.reference());
        assertThat(other.reference()).isNotEqualTo(first.reference());
        assertThat(other.outcome()).isEqualTo(Processed.Outcome.OPENED);
        assertThat(cases.attention.get(2L)).contains("another contact");
        assertThat(cases.events.get(1L)).noneMatch(e -> e.contains("Bob"));
    }

    @Test
    void dissatisfactionWithAnOpenRepairOpensALinkedComplaintAndTheRepairCarriesOn() {
        Processed repair = receive(email(ANN, "Please can someone fix the kitchen tap, it drips all day.",
                MONDAY).build());
        assertThat(repair.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);

        Processed complaint = receive(email(ANN, "Re " + repair.reference() + ": the plumber did not turn up "
                + "again today and nobody called to say why. I am fed up of waiting.", MONDAY.plusSeconds(86_400))
                .build());

        assertThat(complaint.outcome()).isEqualTo(Processed.Outcome.FOLLOW_UP);
        assertThat(complaint.caseClass()).isEqualTo(CaseClass.COMPLAINT);
        assertThat(complaint.reference()).isNotEqualTo(repair.reference());
        assertThat(cases.file(2).relatedCaseId()).isEqualTo(1L);
        assertThat(cases.file(1).isOpen()).isTrue();
        assertThat(cases.events.get(1L)).anyMatch(e -> e.startsWith("complaint_opened"));
        assertThat(outbox.queued).hasSize(2);
    }

    @Test
    void aStageTwoRequestInsideTheWindowEscalatesAndOutsideItIsLeftToStaff() {
        Processed complaint = receive(email(ANN, "I want to make a formal complaint about how long the damp repair"
                + " is taking.", MONDAY).build());
        cases.respondedAt(1, MONDAY.plus(Duration.ofDays(5)));

        Processed escalation = receive(email(ANN, complaint.reference() + " - I am not happy with your stage 1"
                + " response and want my complaint escalated to stage 2.", MONDAY.plus(Duration.ofDays(20))).build());

        assertThat(escalation.reference()).isEqualTo(complaint.reference());
        assertThat(cases.file(1).stage()).isEqualTo(2);
        assertThat(cases.file(1).caseClass()).isEqualTo(CaseClass.ESCALATION);
        assertThat(outbox.queued).extracting(OutboundReply::body).containsExactly("ack stage 1", "ack stage 2");

        Processed second = receive(email(BOB, "I want to make a formal complaint, the caretaker was rude to me.",
                MONDAY).build());
        cases.respondedAt(2, MONDAY);
        receive(email(BOB, second.reference() + " I am unhappy with the stage 1 response, please escalate to"
                + " stage 2.", MONDAY.plus(Duration.ofDays(60))).build());

        assertThat(cases.file(2).stage()).isEqualTo(1);
        assertThat(cases.attention.get(2L)).contains("after the escalation window");
    }

    @Test
    void onAConversationalChannelTheSameSenderContinuesTheOpenCase() {
        Sender page = new Sender("Ann", null, null, "psid-42");
        Processed first = receive(InboundMessage.builder(MESSENGER, "m1", "Our front door lock is broken and won't "
                + "lock, can someone come?", MONDAY).sender(page).build());

        Processed next = receive(InboundMessage.builder(MESSENGER, "m2", "it's the back door too",
                MONDAY.plusSeconds(600)).sender(page).build());

        assertThat(next.reference()).isEqualTo(first.reference());
        assertThat(cases.added).hasSize(1);
    }

    @Test
    void autoRepliesAndBouncesAreNotedOnTheirCaseAndNeverAcknowledged() {
        receive(email(ANN, "I want to complain: the repair was cancelled twice.", MONDAY).build());
        outbox.sent("<ack-1@hearth>");

        Processed away = receive(email(ANN, "I am out of the office until Monday.", MONDAY.plusSeconds(5))
                .inReplyTo(List.of("<ack-1@hearth>")).notice(new Notice(Notice.Kind.AUTO_REPLY, "Auto-Submitted"))
                .build());
        Processed bounce = receive(email(new Sender(null, "mailer-daemon@example.org", null), "Delivery failed",
                MONDAY.plusSeconds(9)).inReplyTo(List.of("<ack-1@hearth>"))
                .notice(new Notice(Notice.Kind.BOUNCE, "550 mailbox unavailable")).build());
        Processed stray = receive(email(BOB, "Out of office", MONDAY)
                .notice(new Notice(Notice.Kind.AUTO_REPLY, "X-Autoreply")).build());

        assertThat(away.outcome()).isEqualTo(Processed.Outcome.NOTED);
        assertThat(bounce.outcome()).isEqualTo(Processed.Outcome.NOTED);
        assertThat(outbox.undeliverable).contains("<ack-1@hearth>");
        assertThat(stray.outcome()).isEqualTo(Processed.Outcome.UNMATCHED);
        assertThat(stray.reference()).isNull();
        assertThat(outbox.queued).hasSize(1);
        assertThat(cases.events.get(1L)).anyMatch(e -> e.startsWith("auto_reply")).anyMatch(e -> e.startsWith("bounced"));
    }

    @Test
    void aReplyRefusedForGoodGoesToAnotherContactOrToStaff() {
        receive(InboundMessage.builder(ChannelId.of("sms"), "SM1", "boiler broken pls send someone", MONDAY)
                .sender(ANN).build());
        OutboundReply sms = outbox.queued.get(0);
        assertThat(sms.channel().value()).isEqualTo("sms");
        RedirectingReply redirecting = new RedirectingReply(MemoryPorts.ports(inbox, cases, outbox, null,
                channel -> Set.of("email", "sms").contains(channel.value()), optOuts, consents, tenancies),
                Clock.fixed(MONDAY, ZoneOffset.UTC));

        redirecting.redirect(1, "acknowledgement", sms, "21610 unsubscribed recipient", true);

        assertThat(outbox.queued.get(1).channel()).isEqualTo(ChannelId.EMAIL);
        assertThat(optOuts.isOptedOut(ChannelId.of("sms"), ANN.phone())).isTrue();
        redirecting.redirect(1, "acknowledgement", outbox.queued.get(1), "mailbox closed", false);
        assertThat(outbox.manual).singleElement().extracting(r -> r.channel().value()).isEqualTo("phone");
    }

    private static PolicyProfile profile() {
        return new PolicyProfile("code", "Code", "Test Homes", new PolicyProfile.Contact(null, null, null),
                new PolicyProfile.Stage(5, 10, null, 10), new PolicyProfile.Stage(5, 20, null, 20), 10, 24,
                new PolicyProfile.Ombudsman("Housing Ombudsman Service", "0300 111 3000",
                        "www.housing-ombudsman.org.uk", "PO Box 152, Liverpool L33 7WQ"),
                new PolicyProfile.Period(28, PolicyProfile.Period.Unit.DAYS), null, null);
    }
}
