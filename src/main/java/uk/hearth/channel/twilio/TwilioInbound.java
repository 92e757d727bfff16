package uk.hearth.channel.twilio;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import uk.hearth.channel.spi.InboundEvent;
import uk.hearth.channel.twilio.TwilioWebhookRequest.Answer;
import uk.hearth.infrastructure.intake.IntakeService;
import uk.hearth.message.Attachment;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;

/**
 * {@code POST /webhooks/twilio}: an SMS or WhatsApp message from a resident. Nothing is stored unless the signature
 * is right; once the message is committed the answer is an empty TwiML {@code <Response/>} and processing (triage,
 * the case, the acknowledgement in the outbox) follows off the request, so the answer costs one insert. The
 * acknowledgement goes from the outbox, so a Twilio outage delays it instead of losing it. If the database cannot
 * take the message the answer is 503 so Twilio tries again. The same MessageSid posted again is stored once and
 * acknowledged once.
 */
final class TwilioInbound {
    private static final Logger log = LoggerFactory.getLogger(TwilioInbound.class);

    private final TwilioSignatureVerifier verifier;
    private final TwilioInboundMapper mapper;
    private final TwilioMedia media;
    private final IntakeService intake;
    private final Executor processing;
    private final TwilioMetrics metrics;
    private final Clock clock;

    /** @param verifier null when no auth token is configured: nothing can be verified, so nothing is accepted */
    TwilioInbound(TwilioSignatureVerifier verifier, TwilioInboundMapper mapper, TwilioMedia media,
                  IntakeService intake, Executor processing, TwilioMetrics metrics, Clock clock) {
        this.verifier = verifier;
        this.mapper = mapper;
        this.media = media;
        this.intake = intake;
        this.processing = processing;
        this.metrics = metrics;
        this.clock = clock;
    }

    Answer receive(TwilioWebhookRequest request) {
        if (verifier == null) {
            metrics.failure(null, "not_configured");
            log.warn("A Twilio webhook arrived but hearth.twilio.auth-token is not set: answered 503, nothing stored");
            return Answer.NOT_CONFIGURED;
        }
        TwilioForm form;
        try {
            form = request.isForm() ? TwilioForm.parse(request.body()) : null;
        } catch (IllegalArgumentException malformed) {
            return refuse(request, null);
        }
        boolean signed = form == null
                ? verifier.verify(request.asProviderRequest())
                : verifier.verify(request.url(), form, request.signature());
        if (!signed) {
            return refuse(request, form);
        }
        if (form == null) {
            return Answer.text(415, "Messages are expected as a form post");
        }
        ChannelId channel = TwilioInboundMapper.channelOf(form);
        String sid = TwilioInboundMapper.messageSid(form);
        if (sid == null) {
            metrics.failure(channel, "bad_request");
            return Answer.text(400, "No MessageSid");
        }
        List<Attachment> attachments = media.attachments(TwilioInboundMapper.media(form));
        InboundMessage message = InboundEvent.onlyMessage(mapper.map(
                new TwilioInboundMapper.Post(form, request.body(), attachments), clock.instant()));
        IntakeService.Received received;
        try {
            received = intake.store(message, processing);
        } catch (DataAccessException | TransactionException down) {
            metrics.failure(channel, "database");
            log.warn("Could not store Twilio message {} ({}): answered 503 so Twilio retries", sid,
                    down.getClass().getSimpleName());
            return Answer.UNAVAILABLE;
        }
        metrics.inbound(channel, received.duplicate() ? "duplicate" : message.actionable() ? "accepted" : "notice");
        return Answer.EMPTY_TWIML;
    }

    /** @param form the post as already read, or null when it is not a readable form */
    private Answer refuse(TwilioWebhookRequest request, TwilioForm form) {
        metrics.failure(form == null ? null : TwilioInboundMapper.channelOf(form), "signature");
        log.warn("Refused a post to {}: {} X-Twilio-Signature (the URL Twilio calls must be hearth.public-base-url"
                + " followed by the path)", TwilioWebhook.pathOf(request.url()),
                request.signature() == null || request.signature().isBlank() ? "no" : "a wrong");
        return Answer.FORBIDDEN;
    }
}
