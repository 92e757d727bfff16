package uk.hearth.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import uk.hearth.HearthApplication;
import uk.hearth.channel.spi.ChannelRouteKit;
import uk.hearth.intake.Inbox;
import uk.hearth.message.InboundMessage;

/**
 * The worked example of a channel added with configuration only: the portal posts signed JSON, the case is
 * opened, and the acknowledgement goes back to the portal's API (a local stand-in) in its thread. Read through the
 * channel test kit's route half, as every channel's end-to-end test can be.
 */
@TestPropertySource(locations = "classpath:it/h2.properties", properties = {
        "hearth.channels.portal.webhook.enabled=true",
        "hearth.channels.portal.webhook.signature.secret=portal-secret",
        "hearth.channels.portal.webhook.reply.headers.Authorization=Bearer portal-token",
        // A database of its own, so it starts empty whatever ran before it in this JVM.
        "spring.datasource.url=jdbc:h2:mem:hearth-it-portal;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH"})
class PortalWebhookIT extends HearthIT {

    @RegisterExtension
    static WireMockExtension portal = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void portalApi(DynamicPropertyRegistry registry) {
        registry.add("hearth.channels.portal.webhook.reply.url", () -> portal.baseUrl() + "/api/replies");
    }

    static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("portal-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Autowired
    Inbox inbox;

    /** The end-to-end half of the channel test kit, on this suite's running service. */
    ChannelRouteKit route() {
        return new ChannelRouteKit(port, jdbc, inbox);
    }

    HttpResponse<String> postSigned(String body, String signature) {
        return route().post("/webhooks/portal", signature == null ? Map.of() : Map.of("X-Portal-Signature", signature),
                body);
    }

    static String message(String id, String conversation, String text) {
        return """
                {"message": {"id": "%s", "conversationId": "%s", "body": "%s", "sentAt": "2026-11-20T10:15:00Z"},
                 "resident": {"name": "Sam Patel", "portalUserId": "u-%s"}}""".formatted(id, conversation, text,
                conversation);
    }

    @Test
    void aSignedPostBecomesACaseAndTheAcknowledgementGoesBackInItsThread() throws Exception {
        portal.stubFor(post("/api/replies").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"portal-reply-1\"}")));
        String conversation = unique("conv");
        String body = message(unique("m"), conversation, "The communal door entry has been broken for a week and"
                + " nobody has come despite two calls. I want to complain.");

        HttpResponse<String> answer = postSigned(body, sign(body));
        HttpResponse<String> again = postSigned(body, sign(body));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode accepted = JSON.readTree(answer.body());
        String reference = accepted.path("reference").asText();
        assertThat(accepted.path("class").asText()).isEqualTo("complaint");
        assertThat(JSON.readTree(again.body()).path("duplicate").asBoolean()).isTrue();
        InboundMessage stored = route().stored("portal", JSON.readTree(body).path("message").path("id").asText());
        assertThat(stored.sender().handle()).isEqualTo("u-" + conversation);
        assertThat(stored.messageId()).isEqualTo("portal-thread:" + conversation);
        assertThat(stored.receivedAt()).isEqualTo(Instant.parse("2026-11-20T10:15:00Z"));
        ChannelRouteKit.Reply ack = route().awaitSent(reference);
        assertThat(ack.recipient()).isEqualTo("u-" + conversation);
        assertThat(ack.providerId()).isEqualTo("portal-reply-1");
        portal.verify(1, postRequestedFor(urlEqualTo("/api/replies"))
                .withHeader("Authorization", equalTo("Bearer portal-token"))
                .withRequestBody(matchingJsonPath("$.conversationId", equalTo(conversation)))
                .withRequestBody(matchingJsonPath("$.portalUserId", equalTo("u-" + conversation)))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock
                        .containing(reference))));
        String sent = portal.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(portal.getAllServeEvents().get(0).getRequest().getHeader("X-Portal-Signature")).isEqualTo(sign(sent));

        String more = message(unique("m"), conversation, "It is still broken today.");
        assertThat(JSON.readTree(postSigned(more, sign(more)).body()).path("reference").asText()).isEqualTo(reference);
        JsonNode found = caseJson(reference);
        assertThat(found.path("channel").asText()).isEqualTo("portal");
        assertThat(found.path("events").findValuesAsText("type")).contains("follow_up");
    }

    @Test
    void unsignedOrForgedPostsAreRefusedAndNothingIsStored() throws Exception {
        String body = message(unique("forged"), unique("c"), "Hello");

        assertThat(postSigned(body, null).statusCode()).isEqualTo(401);
        assertThat(postSigned(body, sign(body + " ")).statusCode()).isEqualTo(401);
        assertThat(postSigned("{\"message\": {}}", sign("{\"message\": {}}")).statusCode()).isEqualTo(400);
        assertThat(route().isStored("portal", JSON.readTree(body).path("message").path("id").asText())).isFalse();
    }

    @Test
    void aMissingSecretStopsStartUpAndNamesTheSetting() {
        // Command-line arguments, as an operator would pass them: they outrank config/application.yaml.
        assertThatThrownBy(() -> new SpringApplicationBuilder(HearthApplication.class)
                .run("--server.port=0", "--hearth.channels.portal.webhook.enabled=true",
                        "--hearth.channels.portal.webhook.signature.secret=",
                        "--spring.datasource.url=jdbc:h2:mem:portal-misconfigured;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
                .close())
                .hasStackTraceContaining("hearth.channels.portal.webhook.signature.secret is missing");
    }
}
