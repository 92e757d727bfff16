package uk.hearth.channel.twilio;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import uk.hearth.channel.twilio.TwilioWebhookRequest.Answer;
import uk.hearth.complaint.Cases;
import uk.hearth.infrastructure.persistence.JdbcOutbox;
import uk.hearth.intake.RedirectingReply;

/**
 * {@code POST /webhooks/twilio/status}: what Twilio later says about a message we sent (queued, sent, delivered,
 * read, failed, undelivered with an error code). The state goes on the message in its case; callbacks that arrive
 * out of order never move a message back. A failure is noted on the case, and when the number cannot be reached on
 * this channel at all (opted out, unknown, a landline, outside WhatsApp's window) the message goes another way.
 */
final class TwilioDeliveryStatus {
    private static final Logger log = LoggerFactory.getLogger(TwilioDeliveryStatus.class);
    /** How far along a message is; a callback only ever moves it forward. */
    private static final Map<String, Integer> PROGRESS = Map.ofEntries(Map.entry("accepted", 0),
            Map.entry("scheduled", 0), Map.entry("queued", 1), Map.entry("sending", 2), Map.entry("sent", 3),
            Map.entry("delivered", 4), Map.entry("read", 5), Map.entry("undelivered", 6), Map.entry("failed", 6),
            Map.entry("canceled", 6));

    private final TwilioSignatureVerifier verifier;
    private final TwilioRecords records;
    private final JdbcOutbox outbox;
    private final Cases cases;
    private final RedirectingReply redirecting;
    private final TransactionTemplate transactions;
    private final TwilioMetrics metrics;
    private final Clock clock;

    TwilioDeliveryStatus(TwilioSignatureVerifier verifier, TwilioRecords records, JdbcOutbox outbox, Cases cases,
                         RedirectingReply redirecting, TransactionTemplate transactions, TwilioMetrics metrics,
                         Clock clock) {
        this.verifier = verifier;
        this.records = records;
        this.outbox = outbox;
        this.cases = cases;
        this.redirecting = redirecting;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    Answer receive(TwilioWebhookRequest request) {
        if (verifier == null) {
            return Answer.NOT_CONFIGURED;
        }
        TwilioForm form;
        try {
            form = TwilioForm.parse(request.isForm() ? request.body() : "");
        } catch (IllegalArgumentException malformed) {
            return Answer.text(400, "Not a valid form post");
        }
        if (!request.isForm() || !verifier.verify(request.url(), form.byName(), request.signature())) {
            metrics.failure(null, "signature");
            log.warn("Refused a delivery status post: missing or wrong X-Twilio-Signature");
            return Answer.FORBIDDEN;
        }
        String sid = form.first("MessageSid", "SmsSid");
        String state = form.first("MessageStatus", "SmsStatus");
        if (sid == null || state == null) {
            return Answer.text(400, "No MessageSid or MessageStatus");
        }
        try {
            record(sid, state.toLowerCase(Locale.ROOT), errorCode(form.first("ErrorCode")));
        } catch (DataAccessException | TransactionException down) {
            log.warn("Could not record the delivery state of {} ({}): answered 503", sid,
                    down.getClass().getSimpleName());
            return Answer.UNAVAILABLE;
        }
        return Answer.EMPTY_TWIML;
    }

    private void record(String sid, String state, Integer errorCode) {
        Optional<TwilioRecords.Sent> sent = records.sent(sid);
        if (sent.isEmpty()) {
            return; // not one of ours (another application on the account), or a callback for an inbound message
        }
        TwilioRecords.Sent message = sent.get();
        metrics.delivery(message.channel(), state);
        if (PROGRESS.getOrDefault(state, -1) <= PROGRESS.getOrDefault(message.deliveryState(), -1)) {
            return; // a late or repeated callback
        }
        boolean failed = state.equals("failed") || state.equals("undelivered");
        String error = errorCode == null ? null : TwilioErrors.describe(errorCode, null);
        transactions.executeWithoutResult(tx -> {
            JdbcOutbox.Pending updated = outbox.recordDelivery(sid, state, error).orElseThrow();
            if (!failed) {
                return;
            }
            metrics.failure(updated.reply().channel(), "undelivered");
            cases.recordEvent(updated.caseId(), updated.kind() + "_" + state, "by " + message.channel() + ": Twilio"
                    + " reports it " + state + (error == null ? "" : " (" + error + ")"), clock.instant());
            if (TwilioErrors.unreachable(errorCode)) {
                redirecting.redirect(updated.caseId(), updated.kind(), updated.reply(), error,
                        errorCode == TwilioErrors.OPTED_OUT);
            }
        });
    }

    private static Integer errorCode(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
