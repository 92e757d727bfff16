package uk.hearth.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearth.channels.telegram.*}: a Telegram bot residents message privately. Telegram posts each update to
 * {@code <public-base-url>/webhooks/telegram} with the secret token given to {@code setWebhook}; replies go through
 * the Bot API's {@code sendMessage}.
 *
 * @param enabled     off unless set; when on, the token and the secret must be set or the service does not start
 * @param botToken    the bot's token from BotFather (it is part of every Bot API address, so keep it secret)
 * @param secretToken the {@code secret_token} given to {@code setWebhook}: Telegram sends it with every update
 * @param apiBaseUrl  the Bot API; a landlord's egress proxy or a test's stand-in otherwise
 */
@ConfigurationProperties("hearth.channels.telegram")
record TelegramProperties(boolean enabled, String botToken, String secretToken,
                          @DefaultValue("https://api.telegram.org") String apiBaseUrl) {

    /** @throws IllegalStateException naming every setting that must be set when the channel is on */
    void check() {
        List<String> missing = new ArrayList<>();
        if (botToken == null || botToken.isBlank()) {
            missing.add("hearth.channels.telegram.bot-token (HEARTH_TELEGRAM_BOT_TOKEN): the bot's token from BotFather");
        }
        if (secretToken == null || !secretToken.matches("[A-Za-z0-9_-]{1,256}")) {
            missing.add("hearth.channels.telegram.secret-token (HEARTH_TELEGRAM_SECRET_TOKEN): the secret_token given"
                    + " to setWebhook, 1-256 of A-Z, a-z, 0-9, _ and -");
        }
        if (apiBaseUrl == null || !apiBaseUrl.matches("https?://.+")) {
            missing.add("hearth.channels.telegram.api-base-url must be an http or https address");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("channel telegram is enabled but not configured correctly:\n  - "
                    + String.join("\n  - ", missing));
        }
    }

    String sendMessageUrl() {
        return apiBaseUrl.replaceAll("/+$", "") + "/bot" + botToken + "/sendMessage";
    }
}
