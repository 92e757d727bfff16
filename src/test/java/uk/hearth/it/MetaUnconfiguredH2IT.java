package uk.hearth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import uk.hearth.infrastructure.persistence.JdbcOutbox;
import uk.hearth.message.ChannelId;
import uk.hearth.message.OutboundReply;

/**
 * With no Meta secret set (a fresh install, or a landlord without Facebook) the service starts and is healthy,
 * both channels say they are not configured, the webhook refuses everything, and a Messenger reply waits in the
 * outbox without using its attempts. Nothing here depends on the database, so it runs on H2 only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = {"classpath:it/common.properties", "classpath:it/h2.properties"}, properties =
        "spring.datasource.url=jdbc:h2:mem:hearth-it-meta-unconfigured;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@DirtiesContext
class MetaUnconfiguredH2IT {
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcOutbox outbox;
    @Autowired
    CamelContext camel;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theWebhookRefusesEverythingWhateverItIsSignedWith() throws Exception {
        byte[] body = MetaScenarios.bytes(MetaScenarios.messengerPost("1234", "m_unconfigured", "hello",
                Instant.now()));
        for (String secret : new String[] {"anything", "test-app-secret"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/webhooks/meta"))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", MetaScenarios.sign(body, secret))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
        }
        assertThat(get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=&hub.challenge=1").statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from inbound_message where external_id = 'm_unconfigured'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void bothChannelsShowAsNotConfiguredAndTheServiceStaysUp() throws Exception {
        JsonNode health = JSON.readTree(get("/actuator/health").body());
        assertThat(health.at("/components/messenger/status").asText()).isEqualTo("UNKNOWN");
        assertThat(health.at("/components/instagram/status").asText()).isEqualTo("UNKNOWN");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void aMessengerReplyWaitsWithoutUsingItsAttempts() throws Exception {
        assertThat(camel.getRoute("messenger-reply")).isNotNull();
        assertThat(camel.getRoute("instagram-reply")).isNotNull();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/v1/messages"))
                .header("Content-Type", "application/json").header("X-Api-Key", IntakeScenarios.CRM_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(IntakeScenarios.apiBody("meta-unconfigured",
                        "Is there parking for visitors?"))).build(), HttpResponse.BodyHandlers.ofString());
        long caseId = jdbc.sql("select id from case_file where reference = ?")
                .param(JSON.readTree(created.body()).path("reference").asText()).query(Long.class).single();
        long id = outbox.enqueue(caseId, "notice", new OutboundReply(ChannelId.of("messenger"), "1234", null, "hi"));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select last_error from outbound_message where id = ?").param(id).query(String.class).optional()
                .filter(e -> e != null && e.contains("not configured")).isPresent());
        assertThat(jdbc.sql("select status from outbound_message where id = ?").param(id).query(String.class).single())
                .isIn("PENDING", "SENDING");
        assertThat(jdbc.sql("select attempts from outbound_message where id = ?").param(id).query(Integer.class)
                .single()).isZero();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
