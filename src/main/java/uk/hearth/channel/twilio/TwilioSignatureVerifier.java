package uk.hearth.channel.twilio;

import com.twilio.security.RequestValidator;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.hearth.channel.spi.ProviderRequest;
import uk.hearth.channel.spi.RequestVerifier;

/**
 * Checks {@code X-Twilio-Signature} with the SDK's {@link RequestValidator}: HMAC-SHA1 with the account's auth token
 * over the URL Twilio called and every posted parameter, whatever their names (parameters Twilio adds later are
 * covered without a change here). The token belongs to the account, so numbers in a Messaging Service and
 * subaccount-free setups validate alike.
 */
final class TwilioSignatureVerifier implements RequestVerifier {
    static final String HEADER = "X-Twilio-Signature";

    private final RequestValidator validator;

    TwilioSignatureVerifier(String authToken) {
        this.validator = new RequestValidator(authToken);
    }

    /** A form post is checked over its parameters, a JSON post over the URL with its body hash; unreadable is false. */
    @Override
    public boolean verify(ProviderRequest request) {
        String signature = request.header(HEADER);
        if (!TwilioWebhookRequest.isForm(request.header("Content-Type"))) {
            return verifyBody(request.url(), request.bodyText(), signature);
        }
        try {
            return verify(request.url(), TwilioForm.parse(request.bodyText()).byName(), signature);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** A form post already parsed (the webhook reads it once for the signature and the message). */
    boolean verify(String url, TwilioForm form, String signature) {
        return verify(url, form.byName(), signature);
    }

    /**
     * @param url    the public URL Twilio called, query string included as sent
     * @param params every posted parameter; a name posted more than once has all its values
     */
    boolean verify(String url, Map<String, List<String>> params, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        Map<String, String> signed = signedParams(params);
        for (String candidate : urlVariants(url)) {
            try {
                // The validator also tries the URL with and without its default port, as Twilio's signer varies.
                if (validator.validate(candidate, signed, signature)) {
                    return true;
                }
            } catch (RuntimeException malformed) {
                // a URL the validator cannot parse cannot be the one that was signed
            }
        }
        return false;
    }

    /** A JSON-body webhook: the URL carries {@code bodySHA256}, the signature covers the URL alone. */
    boolean verifyBody(String url, String body, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        try {
            return validator.validate(url, body, signature);
        } catch (URISyntaxException | RuntimeException malformed) {
            return false;
        }
    }

    /**
     * The validator takes one value per name; Twilio signs a repeated name once per distinct value, values sorted
     * ({@code Digits1234Digits5678}). Joining the values with the name gives the same signed text.
     */
    static Map<String, String> signedParams(Map<String, List<String>> params) {
        Map<String, String> signed = new LinkedHashMap<>();
        params.forEach((name, values) -> signed.put(name, values.size() == 1
                ? nonNull(values.get(0))
                : String.join(name, values.stream().map(TwilioSignatureVerifier::nonNull).distinct().sorted().toList())));
        return signed;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** Twilio's signer has written a single quote in a query both as {@code '} and as {@code %27}. */
    static Set<String> urlVariants(String url) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        variants.add(url.replace("'", "%27"));
        variants.add(url.replace("%27", "'"));
        return variants;
    }
}
