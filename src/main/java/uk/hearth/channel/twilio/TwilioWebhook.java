package uk.hearth.channel.twilio;

import java.net.URI;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.hearth.infrastructure.Redaction;
import uk.hearth.channel.twilio.TwilioWebhookRequest.Answer;

/**
 * The Camel side of the two webhooks in {@code routes/twilio.camel.yaml}: reads what platform-http received and
 * writes the answer. The URL checked against the signature is the public one ({@code hearth.public-base-url}), not
 * the one this server saw, so a TLS-terminating proxy or a rewritten host does not break it.
 */
public final class TwilioWebhook {
    private static final Logger log = LoggerFactory.getLogger(TwilioWebhook.class);
    private final TwilioInbound inbound;
    private final TwilioDeliveryStatus status;
    private final String publicBaseUrl;

    TwilioWebhook(TwilioInbound inbound, TwilioDeliveryStatus status, String publicBaseUrl) {
        this.inbound = inbound;
        this.status = status;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    public void message(Exchange exchange) {
        answer(exchange, safely("message", () -> inbound.receive(request(exchange))));
    }

    public void status(Exchange exchange) {
        answer(exchange, safely("status", () -> status.receive(request(exchange))));
    }

    /** Whatever went wrong, Twilio gets a plain 500 (and may retry); the log gets no personal data. */
    private static Answer safely(String what, Supplier<Answer> handling) {
        try {
            return handling.get();
        } catch (RuntimeException e) {
            log.error("Twilio {} webhook failed: {}", what, Redaction.mask(e.toString()));
            return Answer.text(500, "Not processed");
        }
    }

    private TwilioWebhookRequest request(Exchange exchange) {
        Message in = exchange.getMessage();
        String path = in.getHeader(Exchange.HTTP_URI, String.class);
        String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        String url = publicBaseUrl + (path == null ? "" : path) + (query == null || query.isEmpty() ? "" : "?" + query);
        return new TwilioWebhookRequest(url, in.getHeader(Exchange.CONTENT_TYPE, String.class),
                in.getBody(String.class), in.getHeader("X-Twilio-Signature", String.class));
    }

    /** Only the answer goes back: the posted fields Camel copied into headers must not return as HTTP headers. */
    private static void answer(Exchange exchange, Answer answer) {
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        out.setHeader(Exchange.CONTENT_TYPE, answer.contentType());
        out.setBody(answer.body());
    }

    /** For logs: the path only, never the query. */
    static String pathOf(String url) {
        try {
            return URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            return "(unparseable URL)";
        }
    }
}
