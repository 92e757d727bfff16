package uk.hearth.infrastructure.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.hearth.complaint.Cases;
import uk.hearth.infrastructure.Redaction;
import uk.hearth.infrastructure.outbox.OutboxDispatcher;
import uk.hearth.intake.ReplyChannels;
import uk.hearth.message.ChannelId;

/**
 * Sends warnings to staff: by email through the {@code email-reply} route, and as JSON to a webhook through
 * {@code staff-alert-webhook}. Not through the outbox, whose refusal handling would redirect a message to the
 * resident's other contacts. A failed delivery is retried on the next runs; after the last attempt it is
 * FAILED and the case says so.
 */
class StaffAlerts {
    static final String EMAIL = "email";
    static final String WEBHOOK = "webhook";
    static final String WEBHOOK_URL = "hearthWebhookUrl";
    private static final Logger log = LoggerFactory.getLogger(StaffAlerts.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 100;

    private final StaffAlertStore store;
    private final SchedulerProperties.Alerts settings;
    private final ProducerTemplate producer;
    private final ReplyChannels replyChannels;
    private final Cases cases;
    private final Clock clock;
    private final ZoneId zone;
    private final String publicBaseUrl;
    private final MeterRegistry meters;

    StaffAlerts(StaffAlertStore store, SchedulerProperties.Alerts settings, ProducerTemplate producer,
                ReplyChannels replyChannels, Cases cases, Clock clock, ZoneId zone, String publicBaseUrl,
                MeterRegistry meters) {
        this.store = store;
        this.settings = settings;
        this.producer = producer;
        this.replyChannels = replyChannels;
        this.cases = cases;
        this.clock = clock;
        this.zone = zone;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        this.meters = meters;
    }

    /** @return how many deliveries went out */
    int deliverDue() {
        int sent = 0;
        for (long id : store.due(clock.instant(), settings.claimTimeout(), BATCH)) {
            if (store.claim(id, clock.instant(), settings.claimTimeout()) && deliver(store.load(id))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(StaffAlert alert) {
        try {
            Exchange result = switch (alert.channel()) {
                case EMAIL -> email(alert);
                case WEBHOOK -> webhook(alert);
                default -> throw new IllegalStateException("no way to send a staff alert by " + alert.channel());
            };
            if (result.getException() != null) {
                throw result.getException();
            }
            store.markSent(alert.id(), clock.instant());
            meters.counter("hearth.sla.warnings", "deadline", alert.kind().wireName(), "level",
                    alert.level().wireName(), "channel", alert.channel()).increment();
            return true;
        } catch (Exception e) {
            failed(alert, e);
            return false;
        }
    }

    private Exchange email(StaffAlert alert) {
        if (!settings.byEmail() || !replyChannels.canSend(ChannelId.EMAIL)) {
            throw new IllegalStateException("staff email is not configured or no email-reply route is loaded");
        }
        return producer.send("direct:reply-email", exchange -> {
            exchange.getIn().setBody(alert.text(zone, caseUrl(alert)));
            exchange.getIn().setHeader(OutboxDispatcher.RECIPIENT, settings.email().strip());
            exchange.getIn().setHeader(OutboxDispatcher.SUBJECT, "[Hearth] " + alert.subject(zone));
            exchange.getIn().setHeader(OutboxDispatcher.CHANNEL, ChannelId.EMAIL.value());
        });
    }

    private Exchange webhook(StaffAlert alert) throws JsonProcessingException {
        if (!settings.byWebhook()) {
            throw new IllegalStateException("no staff webhook URL is configured");
        }
        String body = JSON.writeValueAsString(alert.json(zone, caseUrl(alert)));
        return producer.send("direct:staff-alert-webhook", exchange -> {
            exchange.getIn().setBody(body);
            exchange.setProperty(WEBHOOK_URL, settings.webhookUrl().strip());
        });
    }

    private void failed(StaffAlert alert, Exception error) {
        int attempts = alert.attempts() + 1;
        boolean last = attempts >= settings.maxAttempts();
        String why = Redaction.mask(error.toString());
        if (settings.byWebhook()) {
            // A chat tool's webhook URL is itself the secret: keep it out of logs and the table.
            why = why.replace(settings.webhookUrl().strip(), "<webhook-url>");
        }
        store.markFailed(alert.id(), why, last);
        if (last) {
            cases.recordEvent(alert.caseId(), "sla_alert_failed", "the " + alert.level().wireName().replace('_', ' ')
                    + " warning about the " + alert.kind().label() + " deadline could not be sent by "
                    + alert.channel() + " after " + attempts + " attempts", clock.instant());
            meters.counter("hearth.sla.warnings.failed", "channel", alert.channel()).increment();
            log.error("Staff alert {} by {} failed for the last time: {}", alert.id(), alert.channel(), why);
        } else {
            log.warn("Staff alert {} by {} failed (attempt {}), retrying on the next run: {}", alert.id(),
                    alert.channel(), attempts, why);
        }
    }

    private String caseUrl(StaffAlert alert) {
        return publicBaseUrl + "/api/v1/cases/" + alert.reference();
    }
}
