package uk.hearth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import uk.hearth.complaint.Cases;
import uk.hearth.infrastructure.intake.IntakeService;
import uk.hearth.infrastructure.outbox.OutboxDispatcher;
import uk.hearth.infrastructure.persistence.JdbcOutbox;
import uk.hearth.message.ChannelId;
import uk.hearth.message.OutboundReply;

/**
 * What every end-to-end suite shares: the whole service on a random port, GreenMail for mail on a port of its
 * own, a browser-like client, and helpers that read a case as staff and integrators see it. Each suite's context
 * is closed when the suite ends, so no suite's outbox, inbox or jobs keep running against a later suite's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(locations = "classpath:it/common.properties")
@Import(DatabaseOutage.class)
abstract class HearthIT {
    static final Pattern REFERENCE = Pattern.compile("HRT-\\d{4}-\\d{6}");
    static final String CRM_KEY = "test-key-crm";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.port(freePort()))
            .withPerMethodLifecycle(false);

    /** A port of its own, so suites in other checkouts on the same machine do not collide. */
    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("hearth.channels.email.smtp.port", () -> greenMail.getSmtp().getPort());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    IntakeService intake;
    @Autowired
    JdbcOutbox outbox;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    Cases cases;

    Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(port);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String apiBody(String externalId, String text) {
        return """
                {"externalId": "%s", "text": "%s", "sender": {"name": "Test Resident", "email": "%s@example.org"},
                 "preferredContact": "email"}""".formatted(externalId, text, externalId);
    }

    static String reference(String page) {
        Matcher matcher = REFERENCE.matcher(page);
        assertThat(matcher.find()).as("a case reference in:\n%s", page).isTrue();
        return matcher.group();
    }

    JsonNode caseJson(String reference) throws Exception {
        HttpResponse<String> response = browser.get("/api/v1/cases/" + reference, CRM_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The text of a mail, quoted-printable and all decoded. */
    static String body(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            return content instanceof String text ? text : GreenMailUtil.getBody(mail);
        } catch (Exception e) {
            throw new AssertionError("cannot read mail", e);
        }
    }

    static MimeMessage awaitMail(String address) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> greenMail.getReceivedMessagesForDomain(address).length > 0);
        return greenMail.getReceivedMessagesForDomain(address)[0];
    }
}
