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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import uk.hearth.channel.twilio.TwilioWebhookClient;

/**
 * No Twilio credentials, as on a fresh install: the service runs, health shows Twilio as not configured, a post to
 * the webhook stores nothing (nothing can be verified), and a reply for SMS waits in the outbox without using up its
 * attempts, to go once Twilio is configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:it/common.properties", properties = {
        "spring.datasource.url=jdbc:h2:mem:hearth-it-twilio-unconfigured;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "hearth.twilio.account-sid=",
        "hearth.twilio.auth-token=",
        "management.endpoint.health.show-details=always"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TwilioUnconfiguredIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void healthShowsTwilioAsNotConfigured() throws Exception {
        JsonNode twilio = JSON.readTree(send(HttpRequest.newBuilder(uri("/actuator/health/twilio")).GET()).body());

        assertThat(twilio.path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(twilio.path("details").path("configured").asBoolean()).isFalse();
        assertThat(twilio.path("details").path("sms").asText()).isEqualTo("not configured");
        assertThat(twilio.path("details").path("reason").asText()).contains("hearth.twilio.account-sid");
    }

    @Test
    void theWebhookStoresNothingItCannotVerify() {
        String sid = TwilioWebhookClient.newSid("SM");
        HttpResponse<String> answer = new TwilioWebhookClient(port, "http://localhost:" + port, "any")
                .post("/webhooks/twilio", TwilioWebhookClient.sms(sid, "+447700900111", "My boiler is broken"));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(jdbc.sql("select count(*) from inbound_message where external_id = ?").param(sid)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aReplyBySmsWaitsInTheOutboxWithoutUsingItsAttempts() throws Exception {
        String body = """
                {"externalId": "%s", "text": "The stair lights at Elm Court have been out for a week",
                 "sender": {"name": "Cai", "phone": "+447700900112"}, "preferredContact": "sms"}"""
                .formatted(TwilioWebhookClient.newSid("api"));
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri("/api/v1/messages"))
                .header("X-Api-Key", "test-key-crm").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String reference = JSON.readTree(accepted.body()).path("reference").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select o.last_error from outbound_message o join case_file c on c.id = o.case_id
                where c.reference = ?""").param(reference).query(String.class).optional().orElse(null) != null);

        var row = jdbc.sql("""
                select o.channel, o.status, o.attempts, o.last_error from outbound_message o
                join case_file c on c.id = o.case_id where c.reference = ?""").param(reference).query().singleRow();
        assertThat(row.get("channel")).isEqualTo("sms");
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(((Number) row.get("attempts")).intValue()).isZero();
        assertThat((String) row.get("last_error")).contains("ChannelUnavailable", "not configured");
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
