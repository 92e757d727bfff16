package uk.hearth.channel.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import java.util.Map;
import java.util.Set;
import uk.hearth.message.ChannelUnavailable;
import uk.hearth.message.DeliveryRefused;

/**
 * What a failed Twilio call means for the outbox. The resident opted out (21610 after a STOP): refused for good,
 * the contact is marked and the reply goes elsewhere. The number cannot take the message: refused for good, the
 * reply goes elsewhere. Our credentials or sender are wrong: the channel is unavailable until someone fixes it, so
 * nothing waits on a retry budget. Too many requests, a Twilio server error or no connection: retried with backoff.
 */
final class TwilioErrors {
    static final int OPTED_OUT = 21610;
    /** Codes meaning Hearth's own Twilio set-up is wrong: sender, Messaging Service or WhatsApp sender. */
    private static final Set<Integer> SET_UP = Set.of(20003, 20404, 21212, 21606, 21659, 21703, 21704, 63007);
    /** Codes meaning Twilio is busy rather than that the message is wrong. */
    private static final Set<Integer> BUSY = Set.of(20429, 21611, 30001);
    /** What the permanent recipient codes mean, for the case. */
    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(OPTED_OUT, "the resident has opted out of these messages (texted STOP)"),
            Map.entry(21211, "not a valid phone number"),
            Map.entry(21408, "sending to this region is not enabled on the Twilio account"),
            Map.entry(21612, "Twilio cannot route a message to this number"),
            Map.entry(21614, "not a mobile number"),
            Map.entry(30003, "the handset is unreachable"),
            Map.entry(30004, "the message was blocked"),
            Map.entry(30005, "the number is unknown or no longer exists"),
            Map.entry(30006, "a landline or unreachable carrier"),
            Map.entry(30007, "filtered by the carrier"),
            Map.entry(63003, "the number is not on WhatsApp"),
            Map.entry(63016, "outside WhatsApp's 24-hour window and not a template"),
            Map.entry(63024, "not a valid WhatsApp recipient"));
    /** Delivery failures reported later (status callbacks) after which the same channel will not do better. */
    private static final Set<Integer> UNREACHABLE = Set.of(OPTED_OUT, 21211, 21612, 21614, 30004, 30005, 30006,
            63003, 63016, 63024);

    private TwilioErrors() {
    }

    /** @return the exception the reply route throws for this failure */
    static RuntimeException classify(TwilioException failure) {
        Integer answered = failure instanceof ApiException api
                ? (api.getStatusCode() != null ? api.getStatusCode() : api.getHttpStatusCode()) : null;
        if (answered == null) {
            return new TwilioTemporarilyFailed("no answer from Twilio: " + failure.getMessage(), failure);
        }
        return classify((ApiException) failure, answered);
    }

    private static RuntimeException classify(ApiException api, int status) {
        int code = api.getCode() == null ? 0 : api.getCode();
        String said = describe(code, api.getMessage());
        if (code == OPTED_OUT) {
            return new DeliveryRefused(said, true);
        }
        if (status == 401 || status == 403 || status == 404 || SET_UP.contains(code)) {
            return new ChannelUnavailable("Twilio refused our account or sender (HTTP " + status + "; Twilio error "
                    + said + "): check hearth.twilio settings");
        }
        if (status == 429 || status >= 500 || BUSY.contains(code)) {
            return new TwilioTemporarilyFailed("Twilio answered HTTP " + status + "; Twilio error " + said, api);
        }
        return new DeliveryRefused("Twilio refused the message: " + said, false);
    }

    /** A delivery failure Twilio reported after accepting the message: should the reply go another way? */
    static boolean unreachable(Integer code) {
        return code != null && UNREACHABLE.contains(code);
    }

    static String describe(int code, String message) {
        String meaning = MEANINGS.get(code);
        String text = meaning != null ? meaning : message == null ? "no detail" : message;
        return code == 0 ? text : code + ": " + text;
    }

    /** Worth another try later: the outbox retries it with backoff. */
    static final class TwilioTemporarilyFailed extends RuntimeException {
        TwilioTemporarilyFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
