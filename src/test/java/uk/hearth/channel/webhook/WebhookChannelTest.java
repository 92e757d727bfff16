package uk.hearth.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.hearth.message.InboundMessage;

class WebhookChannelTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static WebhookSettings settings(String secret, Map<String, String> fields, String url, String body) {
        return new WebhookSettings(true, new WebhookSettings.Signature("X-Sig", secret, null, "sha256=", "hex"),
                fields, new WebhookSettings.Reply(url, Map.of(), body, "$.id"));
    }

    static final Map<String, String> FIELDS = Map.of("external-id", "$.message.id", "text", "$.message.body",
            "thread", "$.message.conversationId", "sender-name", "$.resident.name", "sender-phone",
            "$.resident.phone", "sender-handle", "$['resident']['user id']");

    @Test
    void badConfigurationNamesEverySettingToFix() {
        assertThatThrownBy(() -> WebhookChannel.configure("portal", settings("", Map.of("text", "$.message..body",
                "colour", "$.x"), "ftp://x", "{{#open}}")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hearth.channels.portal.webhook.signature.secret is missing")
                .hasMessageContaining("hearth.channels.portal.webhook.fields.text: '$.message..body' is not a JSON path")
                .hasMessageContaining("hearth.channels.portal.webhook.fields.colour is not a field")
                .hasMessageContaining("hearth.channels.portal.webhook.fields.external-id is missing")
                .hasMessageContaining("hearth.channels.portal.webhook.reply.url must be an http or https address")
                .hasMessageContaining("hearth.channels.portal.webhook.reply.body is not a valid template");
    }

    @Test
    void aSignedPostBecomesACanonicalMessageInItsThread() throws Exception {
        WebhookChannel channel = WebhookChannel.configure("portal", settings("s3cret", FIELDS, "https://portal.example/r",
                "{\"text\": \"{{text}}\"}"));
        String body = """
                {"message": {"id": "m-1", "body": "The lift is broken again", "conversationId": "c-9"},
                 "resident": {"name": "Ann", "phone": "07700 900123", "user id": "u-77"}}""";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        assertThat(channel.verify(bytes, channel.signatureValue(bytes))).isTrue();
        assertThat(channel.verify(bytes, "sha256=" + "0".repeat(64))).isFalse();
        assertThat(channel.verify(bytes, null)).isFalse();
        assertThat(channel.verify("tampered".getBytes(StandardCharsets.UTF_8), channel.signatureValue(bytes))).isFalse();

        InboundMessage m = channel.map(JSON.readTree(body), body, Instant.EPOCH);
        assertThat(m.channel().value()).isEqualTo("portal");
        assertThat(m.externalId()).isEqualTo("m-1");
        assertThat(m.sender().phone()).isEqualTo("+447700900123");
        assertThat(m.sender().handle()).isEqualTo("u-77");
        assertThat(m.messageId()).isEqualTo("portal-thread:c-9");
        assertThat(m.inReplyTo()).containsExactly("portal-thread:c-9");
        assertThat(channel.providerThread(m.messageId())).isEqualTo("c-9");

        assertThatThrownBy(() -> channel.map(JSON.readTree("{\"message\": {\"id\": \"m\"}}"), "", Instant.EPOCH))
                .hasMessage("the body has no text at $.message.body");
    }

    @Test
    void replyValuesAreEscapedForJson() throws Exception {
        WebhookChannel channel = WebhookChannel.configure("portal", settings("s", FIELDS, "https://p.example/r",
                "{\"text\": \"{{text}}\", \"to\": \"{{recipient}}\"}"));

        String body = channel.replyBody(Map.of("text", "Line \"one\"\nline two \\ done", "recipient", "u-77"));

        assertThat(JSON.readTree(body).path("text").asText()).isEqualTo("Line \"one\"\nline two \\ done");
        assertThat(channel.providerId(JSON.readTree("{\"id\": \"r-5\"}"))).contains("r-5");
    }
}
