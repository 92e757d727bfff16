package uk.hearth.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import uk.hearth.channel.spi.ProviderRequest;
import uk.hearth.channel.spi.RequestVerifier;

/** Telegram signs nothing; it sends back the secret given to {@code setWebhook}, compared here in constant time. */
final class TelegramVerifier implements RequestVerifier {
    static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final byte[] secret;

    TelegramVerifier(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean verify(ProviderRequest request) {
        String presented = request.header(HEADER);
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }
}
