package uk.hearth.infrastructure.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.hearth.complaint.Cases;
import uk.hearth.config.HearthProperties;
import uk.hearth.infrastructure.Redaction;
import uk.hearth.infrastructure.persistence.JdbcOutbox;
import uk.hearth.intake.RedirectingReply;
import uk.hearth.intake.ReplyChannels;
import uk.hearth.message.ChannelUnavailable;
import uk.hearth.message.DeliveryRefused;
import uk.hearth.message.OutboundReply;

/**
 * Sends due outbox messages to {@code direct:reply-<channel>}. Channel routes read the canonical
 * headers {@link #RECIPIENT}, {@link #SUBJECT} and {@link #CASE_REFERENCE}; the body is the text.
 * Failures back off and retry; after the last try the message is FAILED, on the case and in metrics.
 */
@Component
public class OutboxDispatcher {
    public static final String RECIPIENT = "hearthRecipient";
    public static final String SUBJECT = "hearthSubject";
    public static final String CHANNEL = "hearthChannel";
    public static final String OUTBOUND_ID = "hearthOutboundId";
    /** The provider's id of the resident's message this reply answers (for threading), when there is one. */
    public static final String IN_REPLY_TO = "hearthInReplyTo";
    /** Set by a reply route after sending: the provider's id for what it sent (Twilio SID, Message-ID). */
    public static final String PROVIDER_ID = "hearthProviderId";
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final JdbcOutbox outbox;
    private final Cases cases;
    private final ProducerTemplate producer;
    private final ReplyChannels replyChannels;
    private final HearthProperties.Outbox settings;
    private final RedirectingReply redirecting;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    OutboxDispatcher(JdbcOutbox outbox, Cases cases, ProducerTemplate producer, ReplyChannels replyChannels,
                     RedirectingReply redirecting, TransactionTemplate transactions, HearthProperties properties,
                     Clock clock, MeterRegistry meters) {
        this.redirecting = redirecting;
        this.transactions = transactions;
        this.outbox = outbox;
        this.cases = cases;
        this.producer = producer;
        this.replyChannels = replyChannels;
        this.settings = properties.outbox();
        this.clock = clock;
        this.meters = meters;
    }

    /** @return how many messages were handed to their channel */
    public int dispatchDue() {
        List<JdbcOutbox.Pending> due = outbox.claimDue(settings.batchSize(), settings.claimTimeout());
        int sent = 0;
        for (JdbcOutbox.Pending pending : due) {
            if (send(pending)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(JdbcOutbox.Pending pending) {
        OutboundReply reply = pending.reply();
        String channel = reply.channel().value();
        try {
            if (!replyChannels.canSend(reply.channel())) {
                // A direct: endpoint without a consumer would block this thread waiting for one.
                throw new IllegalStateException("no route " + channel + "-reply to send on channel " + channel);
            }
            Exchange result = producer.send("direct:reply-" + channel, exchange -> {
                exchange.getIn().setBody(reply.body());
                exchange.getIn().setHeader(RECIPIENT, reply.recipient());
                exchange.getIn().setHeader(SUBJECT, reply.subject());
                exchange.getIn().setHeader(CHANNEL, channel);
                exchange.getIn().setHeader(OUTBOUND_ID, pending.id());
                exchange.getIn().setHeader(IN_REPLY_TO, reply.inReplyTo());
            });
            if (result.getException() != null) {
                throw result.getException();
            }
            String providerId = result.getMessage().getHeader(PROVIDER_ID, String.class);
            // One commit: the case never shows the message sent without the event that says so.
            transactions.executeWithoutResult(status -> {
                outbox.markSent(pending.id(), providerId);
                cases.recordEvent(pending.caseId(), pending.kind() + "_sent", "by " + channel, clock.instant());
            });
            meters.counter("hearth.outbound.sent", "channel", channel).increment();
            return true;
        } catch (Exception e) {
            Throwable cause = e instanceof CamelExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof DeliveryRefused refused) {
                refused(pending, channel, refused);
            } else if (cause instanceof ChannelUnavailable unavailable) {
                outbox.postpone(pending.id(), cause.toString(), clock.instant().plus(settings.retry().maxDelay()));
                log.warn("Channel {} cannot send until fixed ({}); outbound message {} waits", channel,
                        Redaction.mask(unavailable.getMessage()), pending.id());
            } else {
                failed(pending, channel, cause);
            }
            return false;
        }
    }

    /** Refused for good: no retry; the reply goes to another contact the resident has, or to staff. */
    private void refused(JdbcOutbox.Pending pending, String channel, DeliveryRefused refused) {
        transactions.executeWithoutResult(status -> {
            outbox.markRefused(pending.id(), refused.toString());
            cases.recordEvent(pending.caseId(), pending.kind() + "_refused", "by " + channel + ": "
                    + refused.getMessage(), clock.instant());
            redirecting.redirect(pending.caseId(), pending.kind(), pending.reply(), refused.getMessage(),
                    refused.recipientOptedOut());
        });
        meters.counter("hearth.outbound.refused", "channel", channel).increment();
        log.warn("Outbound message {} on {} refused for good: {}", pending.id(), channel,
                Redaction.mask(refused.getMessage()));
    }

    private void failed(JdbcOutbox.Pending pending, String channel, Throwable error) {
        int attempts = pending.attempts() + 1;
        boolean last = attempts >= settings.retry().maxAttempts();
        Instant next = last ? null : clock.instant().plus(settings.retry().delayAfter(attempts));
        outbox.markAttemptFailed(pending.id(), error.toString(), next);
        if (last) {
            cases.recordEvent(pending.caseId(), pending.kind() + "_failed",
                    "by " + channel + " after " + attempts + " attempts: " + error.getMessage(), clock.instant());
            meters.counter("hearth.outbound.failed", "channel", channel).increment();
            log.error("Outbound message {} on {} failed for the last time after {} attempts: {}", pending.id(),
                    channel, attempts, Redaction.mask(error.toString()));
        } else {
            log.warn("Outbound message {} on {} failed (attempt {}), retrying at {}: {}", pending.id(), channel,
                    attempts, next, Redaction.mask(error.toString()));
        }
    }
}
