package uk.hearth.channel.twilio;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hearth.twilio.*}: one Twilio account carries SMS and WhatsApp. Nothing here is required for the service to
 * start; without an account SID and auth token the channel shows as not configured and replies wait.
 *
 * @param apiBaseUrl          where the SDK's requests go; Twilio's own API unless a test or an egress proxy says otherwise
 * @param smsFrom             the landlord's SMS number (E.164); or leave empty and set {@code messagingServiceSid}
 * @param messagingServiceSid a Messaging Service (MG...) that picks the sender; used when no number is set
 */
@ConfigurationProperties("hearth.twilio")
public record TwilioProperties(String accountSid,
                               String authToken,
                               @DefaultValue("https://api.twilio.com") String apiBaseUrl,
                               String smsFrom,
                               String messagingServiceSid,
                               @DefaultValue WhatsApp whatsapp,
                               @DefaultValue Media media,
                               @DefaultValue("true") boolean statusCallbacks,
                               @DefaultValue("10s") Duration timeout) {

    /**
     * @param from             the WhatsApp sender, {@code whatsapp:+44...}; or the Messaging Service's
     * @param contentSid       an approved Content template (HX...) for messages outside the 24-hour window
     * @param contentVariables the template's variables ("1", "2", ...) as Mustache text over reference, text,
     *                         landlord and formUrl
     */
    public record WhatsApp(String from, String contentSid, @DefaultValue Map<String, String> contentVariables) {
    }

    /** @param maxBytes media above this size are recorded as links to Twilio, not kept */
    public record Media(@DefaultValue("true") boolean fetch, @DefaultValue("5MB") DataSize maxBytes) {
    }

    boolean hasCredentials() {
        return present(accountSid) && present(authToken);
    }

    boolean canSendSms() {
        return hasCredentials() && (present(smsFrom) || present(messagingServiceSid));
    }

    boolean canSendWhatsApp() {
        return hasCredentials() && (present(whatsapp.from()) || present(messagingServiceSid));
    }

    boolean hasWhatsAppTemplate() {
        return present(whatsapp.contentSid());
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
