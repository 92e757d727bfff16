package uk.hearth.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import uk.hearth.complaint.CaseSummary;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.DeadlineCalculator;
import uk.hearth.complaint.Outbox;
import uk.hearth.intake.consent.ConsentCheck;
import uk.hearth.intake.triage.Triage;
import uk.hearth.intake.triage.TriageDecision;
import uk.hearth.intake.triage.TriageInput;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;

/**
 * Turns a stored inbound message into a case change: a new case, a follow-up on an open one, or a notice
 * noted on its case. Runs inside the caller's transaction, so the case, its events, any acknowledgement and
 * the inbox status commit together. Processing a message twice returns the first outcome.
 */
public final class ProcessingInbound {
    private final Inbox inbox;
    private final Cases cases;
    private final Outbox outbox;
    private final Triage triage;
    private final Threading threading;
    private final OpeningCase opening;
    private final FollowingUp followingUp;
    private final ConsentAnswers consentAnswers;
    private final OptOuts optOuts;
    private final Clock clock;

    /** @param conversationWindows per channel, how long a contact's messages continue their open case unasked */
    public ProcessingInbound(IntakePorts ports, Triage triage, DeadlineCalculator deadlines, Clock clock, ZoneId zone,
                             Map<ChannelId, Duration> conversationWindows) {
        this.inbox = ports.inbox();
        this.cases = ports.cases();
        this.outbox = ports.outbox();
        this.triage = triage;
        this.optOuts = ports.optOuts();
        this.clock = clock;
        this.threading = new Threading(cases, conversationWindows);
        ReplyRouting replyRouting = ReplyRouting.of(ports);
        Acknowledging acknowledging = new Acknowledging(outbox, cases, ports.acknowledgements(), deadlines.profile(),
                clock);
        ConsentCheck consentCheck = new ConsentCheck(ports.consents(), ports.tenancies(),
                deadlines.profile().impliedConsentRoles());
        AskingTenant askingTenant = new AskingTenant(cases, outbox, ports.wording(), replyRouting, clock);
        this.opening = new OpeningCase(cases, deadlines, replyRouting, acknowledging, consentCheck, askingTenant, clock,
                zone);
        this.followingUp = new FollowingUp(cases, deadlines, replyRouting, acknowledging, opening, clock);
        this.consentAnswers = new ConsentAnswers(ports, acknowledging, replyRouting, clock);
    }

    /** @return empty when no such message exists */
    public Optional<Processed> process(long inboundId) {
        return inbox.lock(inboundId).map(stored -> stored.status() == StoredInbound.Status.PROCESSED
                ? outcome(stored.id(), stored.caseId(), stored.outcome())
                : process(stored));
    }

    private Processed process(StoredInbound stored) {
        InboundMessage message = stored.message();
        if (!message.actionable()) {
            return note(stored.id(), message);
        }
        Optional<Long> answered = consentAnswers.answer(message);
        if (answered.isPresent()) {
            inbox.markProcessed(stored.id(), answered.get(), Processed.Outcome.FOLLOW_UP);
            return outcome(stored.id(), answered.get(), Processed.Outcome.FOLLOW_UP);
        }
        TriageDecision decision = triage.classify(new TriageInput(message.text(), message.subject(),
                message.channel().value(), message.writtenForSomeoneElse(),
                message.writtenForSomeoneElse() ? message.onBehalfOf().relationship() : null, message.language(),
                askedWhoIsWriting(message)));
        Threading.Match match = threading.find(message);
        if (match.joined().isPresent()) {
            long caseId = followingUp.continueCase(match.joined().get(), message, decision, match.how());
            inbox.markProcessed(stored.id(), caseId, Processed.Outcome.FOLLOW_UP);
            return outcome(stored.id(), caseId, Processed.Outcome.FOLLOW_UP);
        }
        // The case was written just now: its summary is known without reading it back.
        CaseSummary opened = opening.open(message, decision, decision.caseClass(), match.related(), match.attention());
        inbox.markProcessed(stored.id(), opened.id(), Processed.Outcome.OPENED);
        return Processed.of(stored.id(), opened, Processed.Outcome.OPENED);
    }

    /**
     * Auto-replies, bounces, withdrawals and opt-outs: kept on their case if one matches, never acknowledged. An
     * opt-out or opt-in takes effect here, once, in the transaction that marks the message processed.
     */
    private Processed note(long inboundId, InboundMessage message) {
        Notice notice = message.notice();
        ReplyRouting.recipientFor(message.channel(), message.sender()).ifPresent(address -> {
            if (notice.kind() == Notice.Kind.OPT_OUT) {
                optOuts.optOut(message.channel(), address, notice.detail());
            } else if (notice.kind() == Notice.Kind.OPT_IN) {
                optOuts.optIn(message.channel(), address);
            }
        });
        Optional<Long> caseId = Optional.empty();
        if (notice.kind() == Notice.Kind.BOUNCE) {
            caseId = outbox.markUndeliverable(message.inReplyTo(), notice.detail());
            caseId.ifPresent(id -> cases.recordEvent(id, "bounced", "our message was returned undelivered: "
                    + notice.detail(), clock.instant()));
        }
        if (caseId.isEmpty()) {
            caseId = threading.find(message).joined().map(c -> c.id());
        }
        Processed.Outcome outcome = caseId.isPresent() ? Processed.Outcome.NOTED : Processed.Outcome.UNMATCHED;
        caseId.ifPresent(id -> cases.recordEvent(id, notice.wireName(), OpeningCase.receivedDetail(message) + ": "
                + notice.detail() + " (not acknowledged)", message.receivedAt()));
        inbox.markProcessed(inboundId, caseId.orElse(null), outcome);
        return outcome(inboundId, caseId.orElse(null), outcome);
    }

    private Processed outcome(long inboundId, Long caseId, Processed.Outcome outcome) {
        if (caseId == null) {
            return Processed.unmatched(inboundId);
        }
        return cases.summary(caseId)
                .map(c -> Processed.of(inboundId, c, outcome))
                .orElseThrow(() -> new IllegalStateException("inbound " + inboundId + " refers to missing case " + caseId));
    }

    /** The resident and staff forms ask whether the sender writes for someone else; other channels do not. */
    private static boolean askedWhoIsWriting(InboundMessage message) {
        return message.channel().equals(ChannelId.WEB) || message.channel().equals(ChannelId.STAFF);
    }
}
