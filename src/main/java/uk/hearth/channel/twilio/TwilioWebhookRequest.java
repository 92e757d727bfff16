package uk.hearth.channel.twilio;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import uk.hearth.channel.spi.ProviderRequest;

/**
 * A post from Twilio as the webhook received it.
 *
 * @param url       the public URL Twilio called: {@code hearth.public-base-url}, the path and the query as sent
 * @param signature the {@code X-Twilio-Signature} header, or null
 */
record TwilioWebhookRequest(String url, String contentType, String body, String signature) {

    boolean isForm() {
        return isForm(contentType);
    }

    static boolean isForm(String contentType) {
        return contentType == null
                || contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The post as the channel SPI sees it. */
    ProviderRequest asProviderRequest() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", contentType);
        headers.put(TwilioSignatureVerifier.HEADER, signature);
        return ProviderRequest.of(url, headers, body);
    }

    /** The answer: an HTTP status and a body of the given type. */
    record Answer(int status, String contentType, String body) {
        /** Twilio reads the answer as TwiML; an empty Response sends nothing back (the outbox acknowledges). */
        static final Answer EMPTY_TWIML = new Answer(200, "text/xml; charset=UTF-8",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        static final Answer FORBIDDEN = text(403, "Missing or wrong X-Twilio-Signature");
        static final Answer UNAVAILABLE = text(503, "Not stored: try again later");
        static final Answer NOT_CONFIGURED = text(503, "Twilio is not configured on this service");

        static Answer text(int status, String message) {
            return new Answer(status, "text/plain; charset=UTF-8", message);
        }
    }
}
