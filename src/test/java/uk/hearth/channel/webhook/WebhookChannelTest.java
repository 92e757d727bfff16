package uk.hearth.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import uk.hearth.channel.spi.ChannelTestKit;
import uk.hearth.channel.spi.ProviderRequest;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OutboundReply;

/** The signed-webhook channel through the channel test kit: configuration, a post in, a reply out. */
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
    void aSignedPostBecomesACanonicalMessageInItsThread() {
        WebhookChannel channel = WebhookChannel.configure("portal", settings("s3cret", FIELDS, "https://portal.example/r",
                "{\"text\": \"{{text}}\"}"));
        ChannelTestKit<ProviderRequest> kit = ChannelTestKit.of(channel, channel);
        String body = """
                {"message": {"id": "m-1", "body": "The lift is broken again", "conversationId": "c-9"},
                 "resident": {"name": "Ann", "phone": "07700 900123", "user id": "u-77"}}""";
        String signature = channel.signatureValue(body.getBytes(StandardCharsets.UTF_8));

        InboundMessage m = kit.receive(post(body, signature)).message();

        assertThat(m.channel().value()).isEqualTo("portal");
        assertThat(m.externalId()).isEqualTo("m-1");
        assertThat(m.receivedAt()).isEqualTo(ChannelTestKit.RECEIVED_AT);
        assertThat(m.sender().phone()).isEqualTo("+447700900123");
        assertThat(m.sender().handle()).isEqualTo("u-77");
        assertThat(m.messageId()).isEqualTo("portal-thread:c-9");
        assertThat(m.inReplyTo()).containsExactly("portal-thread:c-9");
        assertThat(channel.providerThread(m.messageId())).isEqualTo("c-9");
    }

    @Test
    void forgedPostsAreRefusedAndUnreadableOnesSayWhy() {
        WebhookChannel channel = WebhookChannel.configure("portal", settings("s3cret", FIELDS, "https://portal.example/r",
                "{}"));
        ChannelTestKit<ProviderRequest> kit = ChannelTestKit.of(channel, channel);
        String body = "{\"message\": {\"id\": \"m\"}}";
        String signature = channel.signatureValue(body.getBytes(StandardCharsets.UTF_8));

        assertThat(kit.receive(post(body, "sha256=" + "0".repeat(64))).refused()).isTrue();
        assertThat(kit.receive(post(body, null)).refused()).isTrue();
        assertThat(kit.receive(post(body + " ", signature)).refused()).isTrue();
        assertThat(kit.receive(post(body, signature)).unreadable()).isEqualTo("the body has no text at $.message.body");
        String notJson = "not json";
        assertThat(kit.receive(post(notJson, channel.signatureValue(notJson.getBytes(StandardCharsets.UTF_8))))
                .unreadable()).isEqualTo("The body is not JSON");
    }

    @Test
    void aReplyIsSignedJsonInTheResidentsThreadWithValuesEscaped() throws Exception {
        WebhookChannel channel = WebhookChannel.configure("portal", settings("s", FIELDS, "https://p.example/r",
                "{\"text\": \"{{text}}\", \"to\": \"{{recipient}}\", \"thread\": \"{{thread}}\", \"id\": \"{{outboundId}}\"}"));

        ProviderRequest sent = ChannelTestKit.reply(channel, new OutboundReply(ChannelId.of("portal"), "u-77", "Ref",
                "Line \"one\"\nline two \\ done", "portal-thread:c-9"));

        JsonNode json = JSON.readTree(sent.body());
        assertThat(sent.url()).isEqualTo("https://p.example/r");
        assertThat(json.path("text").asText()).isEqualTo("Line \"one\"\nline two \\ done");
        assertThat(json.path("to").asText()).isEqualTo("u-77");
        assertThat(json.path("thread").asText()).isEqualTo("c-9");
        assertThat(json.path("id").asText()).isEqualTo(ChannelTestKit.REPLY_ID);
        assertThat(sent.header("X-Sig")).isEqualTo(channel.signatureValue(sent.body()));
        assertThat(sent.header("content-type")).isEqualTo("application/json");
        assertThat(channel.providerId(JSON.readTree("{\"id\": \"r-5\"}"))).contains("r-5");
    }

    static ProviderRequest post(String body, String signature) {
        return ChannelTestKit.post("https://hearth.example/webhooks/portal",
                signature == null ? Map.of() : Map.of("X-Sig", signature), body);
    }
}
