package uk.hearth.it;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import uk.hearth.channel.twilio.TwilioWebhookClient;
import uk.hearth.infrastructure.persistence.JdbcOutbox;
import uk.hearth.message.ChannelId;
import uk.hearth.message.OutboundReply;

/**
 * A landlord who sends through a Messaging Service and has no approved WhatsApp template: the service picks the
 * sender, and a WhatsApp message outside the 24-hour window goes by SMS instead, which the case records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:it/common.properties", properties = {
        "spring.datasource.url=jdbc:h2:mem:hearth-it-twilio-service;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "hearth.public-base-url=" + TwilioScenarios.PUBLIC_URL,
        "hearth.twilio.account-sid=" + TwilioScenarios.ACCOUNT,
        "hearth.twilio.auth-token=" + TwilioScenarios.TOKEN,
        "hearth.twilio.messaging-service-sid=MGservice000000000000000000000000",
        "hearth.twilio.sms-from=",
        "hearth.twilio.whatsapp.from=",
        "hearth.twilio.whatsapp.content-sid="})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TwilioMessagingServiceIT {
    @RegisterExtension
    static WireMockExtension twilioApi = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void twilioApi(DynamicPropertyRegistry registry) {
        registry.add("hearth.twilio.api-base-url", () -> "http://127.0.0.1:" + twilioApi.getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcOutbox outbox;
    TwilioWebhookClient twilio;

    @BeforeEach
    void twilioAcceptsMessages() {
        twilio = new TwilioWebhookClient(port, TwilioScenarios.PUBLIC_URL, TwilioScenarios.TOKEN);
        twilioApi.stubFor(post(urlEqualTo(TwilioScenarios.MESSAGES)).willReturn(TwilioScenarios.created()));
    }

    @Test
    void repliesGoFromTheMessagingService() {
        String phone = TwilioScenarios.phone();
        twilio.post("/webhooks/twilio", TwilioWebhookClient.sms(TwilioWebhookClient.newSid("SM"), phone,
                "The communal door will not shut properly"));

        Map<String, String> sent = awaitSent(phone, 1).get(0);

        assertThat(sent).containsEntry("MessagingServiceSid", "MGservice000000000000000000000000")
                .doesNotContainKey("From");
    }

    @Test
    void aWhatsAppReplyOutsideTheWindowWithoutATemplateGoesBySmsAndTheCaseSaysSo() {
        String phone = TwilioScenarios.phone();
        String sid = TwilioWebhookClient.newSid("SM");
        twilio.post("/webhooks/twilio", TwilioWebhookClient.whatsApp(sid, phone, "Bryn",
                "The extractor fan in the bathroom has stopped working"));
        Map<String, String> inside = awaitSent("whatsapp:" + phone, 1).get(0);
        assertThat(inside).containsEntry("MessagingServiceSid", "MGservice000000000000000000000000")
                .containsKey("Body");

        await().atMost(Duration.ofSeconds(30)).until(() -> "PROCESSED".equals(jdbc.sql(
                "select status from inbound_message where external_id = ?").param(sid).query(String.class).single()));
        long caseId = jdbc.sql("select case_id from inbound_message where external_id = ?").param(sid)
                .query(Long.class).single();
        jdbc.sql("update inbound_message set received_at = received_at - interval '2' day where sender_phone = ?")
                .param(phone).update();
        outbox.enqueue(caseId, "update", new OutboundReply(ChannelId.of("whatsapp"), phone, null,
                "An electrician will call on Tuesday"));

        Map<String, String> bySms = awaitSent(phone, 1).get(0);
        assertThat(bySms.get("Body")).isEqualTo("An electrician will call on Tuesday");
        assertThat(sent("whatsapp:" + phone)).hasSize(1);
        List<String> events = jdbc.sql("select type || ': ' || detail from case_event where case_id = ? order by id")
                .param(caseId).query(String.class).list();
        assertThat(events).anySatisfy(e -> assertThat(e).startsWith("update_refused").contains("24-hour window"))
                .anySatisfy(e -> assertThat(e).startsWith("update_redirected").contains("sending by sms"));
    }

    List<Map<String, String>> sent(String to) {
        return twilioApi.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlEqualTo(TwilioScenarios.MESSAGES))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                                TwilioScenarios.encoded(to))))
                .stream().map(r -> TwilioWebhookClient.form(r.getBodyAsString())).toList();
    }

    List<Map<String, String>> awaitSent(String to, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> sent(to), s -> s.size() >= count);
    }
}
