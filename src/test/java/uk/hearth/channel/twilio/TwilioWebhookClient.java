package uk.hearth.channel.twilio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Posts to the running service as Twilio does: form-encoded, signed over the public URL Twilio was given (not the
 * local address the test reaches), with the parameters Twilio sends for an inbound SMS or WhatsApp message.
 */
public final class TwilioWebhookClient {
    private final String localBase;
    private final String publicBase;
    private final String authToken;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public TwilioWebhookClient(int port, String publicBase, String authToken) {
        this.localBase = "http://localhost:" + port;
        this.publicBase = publicBase;
        this.authToken = authToken;
    }

    /** Signed correctly. */
    public HttpResponse<String> post(String path, Map<String, String> params) {
        return post(path, params, TwilioTestSigner.signSingle(authToken, publicBase + path, params));
    }

    /** With the given signature header, or none when null. */
    public HttpResponse<String> post(String path, Map<String, String> params, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(localBase + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(TwilioTestSigner.formBody(params)));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String signatureFor(String url, Map<String, String> params) {
        return TwilioTestSigner.signSingle(authToken, url, params);
    }

    public static String newSid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** An inbound SMS as Twilio posts it. */
    public static Map<String, String> sms(String sid, String from, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ToCountry", "GB");
        p.put("SmsMessageSid", sid);
        p.put("NumMedia", "0");
        p.put("SmsSid", sid);
        p.put("SmsStatus", "received");
        p.put("Body", body);
        p.put("FromCountry", "GB");
        p.put("To", "+441619999000");
        p.put("NumSegments", "1");
        p.put("MessageSid", sid);
        p.put("AccountSid", "ACtest0000000000000000000000000000");
        p.put("From", from);
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    /** An inbound WhatsApp message as Twilio posts it: the sender starts whatsapp:, with a profile name and WaId. */
    public static Map<String, String> whatsApp(String sid, String phone, String profileName, String body) {
        Map<String, String> p = sms(sid, "whatsapp:" + phone, body);
        p.put("To", "whatsapp:+441619999001");
        p.put("ProfileName", profileName);
        p.put("WaId", phone.substring(1));
        p.put("MessageType", "text");
        p.remove("ToCountry");
        p.remove("FromCountry");
        return p;
    }

    /** The fields of a form body (what the SDK posted to the stub). */
    public static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
