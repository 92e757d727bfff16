package uk.hearth.channel.meta;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import uk.hearth.channel.spi.ProviderRequest;
import uk.hearth.channel.spi.RequestVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw body bytes, keyed with
 * the app secret (or an Instagram-Login app's own secret). Runs before anything is parsed; compares in constant
 * time against every configured secret, so timing tells nothing about which part matched.
 */
final class MetaSignatureVerifier implements RequestVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    enum Result {
        /** No secret is configured: nothing can be verified, so everything is refused. */
        NO_SECRET,
        MISSING,
        MALFORMED,
        INVALID,
        /** Signed with the app secret: Messenger or Instagram. */
        APP,
        /** Signed with the Instagram-Login app's secret: Instagram only. */
        INSTAGRAM_APP;

        boolean valid() {
            return this == APP || this == INSTAGRAM_APP;
        }
    }

    private final byte[] appSecret;
    private final byte[] instagramAppSecret;

    MetaSignatureVerifier(String appSecret, String instagramAppSecret) {
        this.appSecret = bytes(appSecret);
        this.instagramAppSecret = bytes(instagramAppSecret);
    }

    /**
     * Genuine when signed with a configured secret; a post signed with the Instagram-Login app's own secret must also
     * be about Instagram, since that secret can vouch for nothing else.
     */
    @Override
    public boolean verify(ProviderRequest request) {
        Result result = verify(request.body(), request.header(HEADER));
        if (result != Result.INSTAGRAM_APP) {
            return result.valid();
        }
        try {
            return "instagram".equals(JSON.readTree(request.body()).path("object").asText());
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** The check in detail: why a post is refused, for the metric and the answer. */
    Result verify(byte[] body, String header) {
        if (appSecret == null && instagramAppSecret == null) {
            return Result.NO_SECRET;
        }
        if (header == null || header.isBlank()) {
            return Result.MISSING;
        }
        String value = header.strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return Result.MALFORMED;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Result.MALFORMED;
        }
        boolean app = appSecret != null && MessageDigest.isEqual(given, hmac(appSecret, body));
        boolean instagram = instagramAppSecret != null && MessageDigest.isEqual(given, hmac(instagramAppSecret, body));
        return app ? Result.APP : instagram ? Result.INSTAGRAM_APP : Result.INVALID;
    }

    /** The header value Meta would send for {@code body}. */
    static String sign(byte[] body, String secret) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** {@code appsecret_proof}: the HMAC-SHA256 of the access token keyed with the app secret, as Graph asks. */
    static String proof(String accessToken, String secret) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8),
                accessToken.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] bytes(String secret) {
        return MetaProperties.present(secret) ? secret.strip().getBytes(StandardCharsets.UTF_8) : null;
    }

    /** Which secrets are set, for the start-up log (never the secrets themselves). */
    List<String> configured() {
        List<String> names = new ArrayList<>();
        if (appSecret != null) {
            names.add("app secret");
        }
        if (instagramAppSecret != null) {
            names.add("Instagram app secret");
        }
        return names;
    }
}
