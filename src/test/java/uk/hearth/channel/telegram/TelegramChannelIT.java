package uk.hearth.channel.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import uk.hearth.HearthApplication;
import uk.hearth.channel.spi.ChannelRouteKit;
import uk.hearth.channel.spi.ChannelTestKit;
import uk.hearth.channel.spi.InboundEvent;
import uk.hearth.channel.spi.ProviderRequest;
import uk.hearth.intake.Inbox;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OutboundReply;

/**
 * The Telegram channel, added as the proof that a channel with code of its own needs nothing but its package, its
 * route file, its configuration file and this test. Updates as the Bot API documents them go through the channel test
 * kit, then through the whole service: inbound, case, acknowledgement back through a stand-in for the Bot API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(locations = {"classpath:it/common.properties", "classpath:it/h2.properties"}, properties = {
        "hearth.channels.telegram.enabled=true",
        "hearth.channels.telegram.bot-token=123456:test-token",
        "hearth.channels.telegram.secret-token=telegram-secret",
        "management.endpoint.health.show-details=always",
        "spring.datasource.url=jdbc:h2:mem:hearth-it-telegram;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH"})
class TelegramChannelIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "telegram-secret";
    static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @RegisterExtension
    static WireMockExtension botApi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add("hearth.channels.telegram.api-base-url", botApi::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Inbox inbox;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ChannelTestKit<JsonNode> kit = ChannelTestKit.of(new TelegramVerifier(SECRET),
            request -> JSON.readTree(request.body()), new TelegramMapper());

    /** A private message as the Bot API posts it. */
    static String update(long chat, long messageId, String text, String extra) {
        return """
                {"update_id": %d, "message": {"message_id": %d, "date": 1764064800,
                  "from": {"id": %d, "is_bot": false, "first_name": "Siân", "last_name": "Evans", "username": "sianev",
                           "language_code": "en"},
                  "chat": {"id": %d, "first_name": "Siân", "last_name": "Evans", "type": "private"},
                  "text": "%s"%s}}""".formatted(IDS.incrementAndGet(), messageId, chat, chat, text, extra);
    }

    static ProviderRequest signed(String body, String secret) {
        return ChannelTestKit.post("https://hearth.example/webhooks/telegram",
                secret == null ? Map.of() : Map.of(TelegramVerifier.HEADER, secret), body);
    }

    // --- the channel through the kit -----------------------------------------------------------------------------

    @Test
    void aPrivateMessageIsACanonicalMessageFromItsChat() {
        InboundMessage m = kit.receive(signed(update(42, 7, "The lift has been broken for a week", ""), SECRET))
                .message();

        assertThat(m.channel().value()).isEqualTo("telegram");
        assertThat(m.externalId()).isEqualTo("telegram:42:7");
        assertThat(m.sender().handle()).isEqualTo("42");
        assertThat(m.sender().name()).isEqualTo("Siân Evans");
        assertThat(m.receivedAt()).isEqualTo(Instant.ofEpochSecond(1764064800));
        assertThat(m.language()).isEqualTo("en");
        assertThat(m.details()).containsEntry("telegram-username", "sianev");
    }

    @Test
    void forgedUpdatesAreRefusedAndWhatIsNoPrivateMessageIsLeftAlone() {
        String body = update(42, 8, "hello", "");
        assertThat(kit.receive(signed(body, null)).refused()).isTrue();
        assertThat(kit.receive(signed(body, "guess")).refused()).isTrue();
        assertThat(kit.receive(signed("not json", SECRET)).unreadable()).isNotNull();
        assertThat(kit.receive(signed("{\"message\": {}}", SECRET)).unreadable()).contains("update_id");

        String group = body.replace("\"type\": \"private\"", "\"type\": \"supergroup\"");
        assertThat(kit.receive(signed(group, SECRET)).all(InboundEvent.Ignored.class)).singleElement()
                .satisfies(i -> assertThat(i.reason()).contains("public"));
        assertThat(kit.receive(signed("{\"update_id\": 5, \"callback_query\": {\"id\": \"1\"}}", SECRET)).messages())
                .isEmpty();
    }

    @Test
    void editsRepliesWelshAndPhotosAreKeptAsTheResidentSentThem() {
        String edited = """
                {"update_id": 9, "edited_message": {"message_id": 7, "date": 1764064800, "edit_date": 1764064900,
                  "from": {"id": 42, "is_bot": false, "first_name": "Siân", "language_code": "cy"},
                  "chat": {"id": 42, "type": "private"}, "text": "Mae'r lifft wedi torri ers wythnos"}}""";
        InboundMessage edit = kit.receive(signed(edited, SECRET)).message();
        assertThat(edit.externalId()).isEqualTo("telegram:42:7#edit-1764064900");
        assertThat(edit.inReplyTo()).containsExactly("telegram:42:7");
        assertThat(edit.language()).isEqualTo("cy");

        InboundMessage photo = kit.receive(signed(update(42, 11, "", ", \"reply_to_message\": {\"message_id\": 10},"
                + " \"caption\": \"the damp\", \"photo\": [{\"file_id\": \"small\", \"file_size\": 900},"
                + " {\"file_id\": \"big\", \"file_size\": 90000}]").replace("\"text\": \"\",", ""), SECRET)).message();
        assertThat(photo.text()).isEqualTo("the damp");
        assertThat(photo.inReplyTo()).containsExactly("telegram:42:10");
        assertThat(photo.attachments()).singleElement().satisfies(a -> {
            assertThat(a.contentType()).isEqualTo("image/jpeg");
            assertThat(a.size()).isEqualTo(90000);
            assertThat(a.note()).contains("big");
        });
    }

    @Test
    void aReplyIsSendMessageToTheChatInItsThread() throws Exception {
        TelegramReplies replies = new TelegramReplies("https://api.telegram.example/bot1:x/sendMessage");

        ProviderRequest sent = ChannelTestKit.reply(replies, new OutboundReply(TelegramMapper.TELEGRAM, "42", "Ref",
                "x".repeat(5000), "telegram:42:7"));

        JsonNode body = JSON.readTree(sent.body());
        assertThat(sent.url()).endsWith("/sendMessage");
        assertThat(body.path("chat_id").asLong()).isEqualTo(42);
        assertThat(body.path("text").asText()).hasSize(TelegramReplies.MAX_LENGTH);
        assertThat(body.path("reply_parameters").path("message_id").asLong()).isEqualTo(7);
    }

    // --- the channel in the service ------------------------------------------------------------------------------

    @Test
    void aMessageBecomesACaseAndTheAcknowledgementGoesBackToTheChat() throws Exception {
        botApi.stubFor(post(urlEqualTo("/bot123456:test-token/sendMessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\": true, \"result\": {\"message_id\": 501, \"chat\": {\"id\": 77}}}")));
        ChannelRouteKit route = route();
        String first = update(77, 1, "I reported the leak three times and nobody has come. I want to complain.", "");

        assertThat(route.post("/webhooks/telegram", Map.of(TelegramVerifier.HEADER, SECRET), first).statusCode())
                .isEqualTo(200);
        assertThat(route.post("/webhooks/telegram", Map.of(TelegramVerifier.HEADER, SECRET), first).statusCode())
                .isEqualTo(200);

        InboundMessage stored = route.stored("telegram", "telegram:77:1");
        assertThat(stored.sender().handle()).isEqualTo("77");
        assertThat(stored.text()).startsWith("I reported the leak");
        String reference = route.reference("telegram", "telegram:77:1");
        ChannelRouteKit.Reply ack = route.awaitSent(reference);
        assertThat(ack.channel()).isEqualTo("telegram");
        assertThat(ack.recipient()).isEqualTo("77");
        assertThat(ack.providerId()).isEqualTo("telegram:77:501");
        assertThat(route.replies(reference)).hasSize(1);
        botApi.verify(1, postRequestedFor(urlEqualTo("/bot123456:test-token/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo("77")))
                .withRequestBody(matchingJsonPath("$.text", containing(reference))));

        // The resident answers our acknowledgement: it joins the case.
        route.post("/webhooks/telegram", Map.of(TelegramVerifier.HEADER, SECRET),
                update(77, 2, "It is still dripping", ", \"reply_to_message\": {\"message_id\": 501}"));
        assertThat(route.reference("telegram", "telegram:77:2")).isEqualTo(reference);
    }

    @Test
    void aForgedPostIsRefusedAndStoresNothing() {
        ChannelRouteKit route = route();
        String body = update(78, 1, "Hello", "");

        assertThat(route.post("/webhooks/telegram", Map.of(), body).statusCode()).isEqualTo(401);
        assertThat(route.post("/webhooks/telegram", Map.of(TelegramVerifier.HEADER, "wrong"), body).statusCode())
                .isEqualTo(401);
        assertThat(route.isStored("telegram", "telegram:78:1")).isFalse();
    }

    ChannelRouteKit route() {
        return new ChannelRouteKit(port, jdbc, inbox);
    }

    @Test
    void healthAndMetricsShowTheChannel() throws Exception {
        JsonNode health = JSON.readTree(operations("/actuator/health/telegram"));
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("webhook").asText()).isEqualTo("/webhooks/telegram");
        route().post("/webhooks/telegram", Map.of(TelegramVerifier.HEADER, SECRET),
                update(79, 1, "Thank you for fixing the boiler so quickly", ""));
        assertThat(operations("/actuator/prometheus"))
                .contains("hearth_channel_inbound_total{channel=\"telegram\",outcome=\"stored\"}");
    }

    /** What operations read, with the integrators' key that the test configuration gives. */
    String operations(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Api-Key", "test-key-crm").build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aMissingTokenStopsTheStartAndNamesTheSetting() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HearthApplication.class).run("--server.port=0",
                "--hearth.channels.telegram.enabled=true", "--hearth.channels.telegram.bot-token=",
                "--hearth.channels.telegram.secret-token=has spaces",
                "--spring.datasource.url=jdbc:h2:mem:telegram-misconfigured;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"))
                .rootCause().hasMessageContaining("hearth.channels.telegram.bot-token")
                .hasMessageContaining("hearth.channels.telegram.secret-token");
    }
}
