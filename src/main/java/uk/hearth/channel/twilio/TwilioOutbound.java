package uk.hearth.channel.twilio;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import uk.hearth.channel.spi.ReplyMapper;
import uk.hearth.complaint.Cases;
import uk.hearth.message.ChannelId;
import uk.hearth.message.ChannelUnavailable;
import uk.hearth.message.DeliveryRefused;
import uk.hearth.message.OutboundReply;

/**
 * Sends what the outbox hands to the SMS and WhatsApp reply routes through the SDK's {@code Message.creator}, so a
 * Twilio outage leaves the reply in the outbox to be retried. WhatsApp free-form text goes only inside the 24-hour
 * window since the resident last wrote there; outside it the approved template goes instead, or, without one, the
 * reply is refused here and the outbox sends it by another channel the resident has.
 */
final class TwilioOutbound implements ReplyMapper<TwilioOutbound.Prepared> {
    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);
    /** A message sent in the last minutes of the window could reach WhatsApp after it closed. */
    private static final Duration WINDOW_MARGIN = Duration.ofMinutes(5);

    private final TwilioProperties settings;
    private final TwilioRestClient client;
    private final TwilioRecords records;
    private final Cases cases;
    private final WhatsAppTemplate template;
    private final String statusCallback;
    private final String landlord;
    private final String formUrl;
    private final TwilioMetrics metrics;
    private final TwilioHealthIndicator health;
    private final Clock clock;

    /** @param client null when no credentials are configured: every send is then {@link ChannelUnavailable} */
    TwilioOutbound(TwilioProperties settings, TwilioRestClient client, TwilioRecords records, Cases cases,
                   String publicBaseUrl, String landlord, TwilioMetrics metrics, TwilioHealthIndicator health,
                   Clock clock) {
        this.settings = settings;
        this.client = client;
        this.records = records;
        this.cases = cases;
        this.template = settings.hasWhatsAppTemplate()
                ? new WhatsAppTemplate(settings.whatsapp().contentSid(), settings.whatsapp().contentVariables()) : null;
        this.statusCallback = settings.statusCallbacks() ? publicBaseUrl + "/webhooks/twilio/status" : null;
        this.landlord = landlord;
        this.formUrl = publicBaseUrl + "/";
        this.metrics = metrics;
        this.health = health;
        this.clock = clock;
    }

    /**
     * A message ready to go, what kind it is for the metrics (text or template), and what to note on its case once
     * Twilio has taken it (null for nothing).
     */
    record Prepared(MessageCreator creator, String kind, Long caseId, String note) {
        Prepared(MessageCreator creator, String kind) {
            this(creator, kind, null, null);
        }
    }

    /** @return the SID Twilio gave the message */
    String send(OutboundReply reply, String replyId) {
        ChannelId channel = reply.channel();
        boolean whatsapp = TwilioInboundMapper.WHATSAPP.equals(channel);
        Prepared prepared = map(reply, replyId);
        String body = reply.body();
        try {
            String sid = prepared.creator().create(client).getSid();
            metrics.sent(channel, prepared.kind());
            if (!whatsapp) {
                metrics.smsSegments(GsmText.segments(body));
            }
            health.sent();
            if (prepared.note() != null) {
                cases.recordEvent(prepared.caseId(), "whatsapp_template", prepared.note(), clock.instant());
            }
            return sid;
        } catch (TwilioException e) {
            RuntimeException outcome = TwilioErrors.classify(e);
            if (outcome instanceof ChannelUnavailable) {
                health.unavailable(outcome.getMessage());
            }
            metrics.failure(channel, outcome instanceof DeliveryRefused ? "refused"
                    : outcome instanceof ChannelUnavailable ? "unavailable" : "transient");
            throw outcome;
        }
    }

    /**
     * The SDK call for a reply: a text, or on WhatsApp outside the 24-hour window the approved template (the outbox
     * row, {@code replyId}, names the case in it).
     */
    @Override
    public Prepared map(OutboundReply reply, String replyId) {
        ChannelId channel = reply.channel();
        boolean whatsapp = TwilioInboundMapper.WHATSAPP.equals(channel);
        if (client == null || !(whatsapp ? settings.canSendWhatsApp() : settings.canSendSms())) {
            metrics.failure(channel, "unavailable");
            throw new ChannelUnavailable("Twilio is not configured for " + channel + ": set hearth.twilio.account-sid,"
                    + " auth-token and " + (whatsapp ? "whatsapp.from" : "sms-from") + " or messaging-service-sid");
        }
        String recipient = reply.recipient();
        if (recipient == null || recipient.isBlank()) {
            throw new DeliveryRefused("no phone number to send to", false);
        }
        Prepared prepared = whatsapp ? whatsApp(recipient.strip(), reply.body(), replyId == null ? -1 : Long.parseLong(replyId))
                : sms(recipient.strip(), reply.body());
        if (statusCallback != null) {
            prepared.creator().setStatusCallback(statusCallback);
        }
        return prepared;
    }

    private Prepared sms(String recipient, String body) {
        PhoneNumber to = new PhoneNumber(recipient);
        MessageCreator creator = TwilioProperties.present(settings.smsFrom())
                ? Message.creator(to, new PhoneNumber(settings.smsFrom().strip()), body)
                : Message.creator(to, settings.messagingServiceSid().strip(), body);
        // Typographic quotes and dashes become their GSM-7 forms, so they do not force the costlier UCS-2.
        return new Prepared(creator.setSmartEncoded(true), "text");
    }

    private Prepared whatsApp(String recipient, String body, long outboundId) {
        PhoneNumber to = new PhoneNumber(TwilioInboundMapper.WHATSAPP_PREFIX + recipient);
        Optional<Instant> lastWrote = records.lastWhatsAppFrom(recipient);
        Instant now = clock.instant();
        boolean open = lastWrote.map(t -> now.isBefore(t.plus(WHATSAPP_WINDOW).minus(WINDOW_MARGIN))).orElse(false);
        if (open) {
            return new Prepared(whatsAppCreator(to, body), "text");
        }
        String since = lastWrote.map(t -> "the resident last wrote on WhatsApp at " + t).orElse(
                "the resident has not written on WhatsApp");
        if (template == null) {
            throw new DeliveryRefused("outside WhatsApp's 24-hour window (" + since + ") and no approved template"
                    + " is configured (hearth.twilio.whatsapp.content-sid)", false);
        }
        Optional<TwilioRecords.Outgoing> outgoing = records.outgoing(outboundId);
        String variables = template.variables(outgoing.map(TwilioRecords.Outgoing::reference).orElse(""), body,
                landlord, formUrl);
        return new Prepared(whatsAppCreator(to, null).setContentSid(template.contentSid())
                .setContentVariables(variables), "template", outgoing.map(TwilioRecords.Outgoing::caseId).orElse(null),
                outgoing.isEmpty() ? null : "outside WhatsApp's 24-hour window (" + since + "): sent as approved"
                        + " template " + template.contentSid() + " in place of the full text");
    }

    private MessageCreator whatsAppCreator(PhoneNumber to, String body) {
        String from = settings.whatsapp().from();
        if (TwilioProperties.present(from)) {
            String sender = from.strip().startsWith(TwilioInboundMapper.WHATSAPP_PREFIX) ? from.strip()
                    : TwilioInboundMapper.WHATSAPP_PREFIX + from.strip();
            return Message.creator(to, new PhoneNumber(sender), body);
        }
        return Message.creator(to, settings.messagingServiceSid().strip(), body);
    }
}
