package uk.hearth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import uk.hearth.complaint.Cases;
import uk.hearth.infrastructure.intake.IntakeService;
import uk.hearth.infrastructure.outbox.OutboxDispatcher;
import uk.hearth.infrastructure.persistence.JdbcOutbox;
import uk.hearth.intake.ProcessingInbound;
import uk.hearth.message.ChannelId;
import uk.hearth.message.OutboundReply;

/**
 * The walking skeleton end to end over real HTTP: web form, staff form and JSON API through the
 * durable inbox to a case and an acknowledgement in GreenMail. Run once per database.
 */
abstract class IntakeScenarios extends HearthIT {
    @MockitoSpyBean
    ProcessingInbound processingInbound;

    // --- resident web form ---------------------------------------------------------------------

    @Test
    void aResidentComplainsOnTheWebFormAndIsAcknowledgedByEmail() throws Exception {
        String email = unique("resident") + "@example.org";
        Map<String, String> form = browser.formFrom("/");
        form.putAll(Map.of("name", "Ann Jones", "email", email, "preferredContact", "email",
                "message", "The repairs team promised to come on Monday and never turned up. This is the third "
                        + "time no one came and nobody called me back. I want to make a complaint."));

        HttpResponse<String> page = browser.postForm("/forms/resident", form);

        assertThat(page.statusCode()).isEqualTo(200);
        String reference = reference(page.body());
        assertThat(page.body()).contains("complaint").contains("You will hear from us by");

        MimeMessage mail = awaitMail(email);
        String body = GreenMailUtil.getBody(mail);
        assertThat(mail.getSubject()).contains(reference);
        assertThat(body).contains(reference, "a complaint about our service", "stage 1", "You will hear from us by",
                "Housing Ombudsman Service", "0300 111 3000", "quoting it");

        JsonNode found = caseJson(reference);
        assertThat(found.path("class").asText()).isEqualTo("complaint");
        assertThat(found.path("stage").asInt()).isEqualTo(1);
        assertThat(found.path("status").asText()).isEqualTo("open");
        assertThat(found.path("channel").asText()).isEqualTo("web");
        assertThat(found.path("consent").path("state").asText()).isEqualTo("not_required");
        assertThat(found.path("reasons")).isNotEmpty();
        assertThat(found.path("deadlines").path("acknowledgeBy").asText()).isNotBlank();
        assertThat(found.path("deadlines").path("respondBy").asText()).isNotBlank();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                caseJson(reference).path("messages").findValuesAsText("deliveryState")).contains("processed", "sent"));
    }

    @Test
    void theFormShowsErrorsBesideTheFieldsAndKeepsWhatWasTyped() {
        Map<String, String> form = browser.formFrom("/");
        form.putAll(Map.of("name", "<script>alert(1)</script>", "email", "not-an-email", "message", ""));

        HttpResponse<String> page = browser.postForm("/forms/resident", form);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Tell us what happened", "Enter an email address in the correct format")
                .contains("href=\"#message\">Tell us what happened</a>")
                .contains("value=\"not-an-email\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        HttpResponse<String> page = browser.postForm("/forms/resident",
                Map.of("message", "hello", "email", "x@example.org"));
        assertThat(page.statusCode()).isEqualTo(403);
    }

    @Test
    void theFormIsOfferedInWelsh() {
        HttpResponse<String> page = browser.get("/?lang=cy");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Dywedwch wrthym", "lang=\"cy\"", "Drwy e-bost");
    }

    @Test
    void submittingTheSameFormTwiceMakesOneCase() {
        Map<String, String> form = browser.formFrom("/");
        form.putAll(Map.of("email", unique("twice") + "@example.org",
                "message", "Thank you to the caretaker for clearing the bin store so quickly"));

        String first = reference(browser.postForm("/forms/resident", form).body());
        String second = reference(browser.postForm("/forms/resident", form).body());

        assertThat(second).isEqualTo(first);
    }

    // --- staff form -----------------------------------------------------------------------------

    @Test
    void staffPagesNeedALogin() {
        HttpResponse<String> page = browser.get("/staff/forward");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void anOfficerRecordsAPhoneComplaintForALetterReplyAndTheCaseShowsItIsDue() throws Exception {
        browser.logIn("officer", "officer-password");
        assertThat(browser.get("/staff/forward").body()).contains("In person", "By letter", "How was it made?");
        Map<String, String> form = browser.formFrom("/staff/forward");
        form.putAll(Map.of("madeVia", "phone", "name", "Bill Evans", "address", "4 Mill Lane, Bury BL9 0AA",
                "preferredContact", "letter",
                "message", "Mr Evans says he has reported the broken door entry system four times since "
                        + "September and nobody has fixed it. He is unhappy with how long this is taking."));

        HttpResponse<String> page = browser.postForm("/api/v1/staff/contacts", form);

        assertThat(page.statusCode()).isEqualTo(200);
        String reference = reference(page.body());
        assertThat(page.body()).contains("Due from you by letter");
        JsonNode found = caseJson(reference);
        assertThat(found.path("channel").asText()).isEqualTo("staff");
        JsonNode outbound = found.path("messages").get(1);
        assertThat(outbound.path("direction").asText()).isEqualTo("outbound");
        assertThat(outbound.path("channel").asText()).isEqualTo("letter");
        assertThat(outbound.path("deliveryState").asText()).isEqualTo("manual_due");
        assertThat(found.path("events").findValuesAsText("type")).contains("acknowledgement_due");
        assertThat(found.path("events").findValuesAsText("detail")).anyMatch(d -> d.contains("officer"));
    }

    @Test
    void anOfficerRecordsAnInPersonComplaintAndTheResidentIsEmailed() {
        String email = unique("in-person") + "@example.org";
        browser.logIn("officer", "officer-password");
        Map<String, String> form = browser.formFrom("/staff/forward");
        form.putAll(Map.of("madeVia", "in_person", "name", "Carys Hughes", "email", email,
                "message", "Ms Hughes came to the office: the contractor left rubble in her garden after the "
                        + "roof repair and has ignored her calls for two weeks."));

        String reference = reference(browser.postForm("/api/v1/staff/contacts", form).body());

        assertThat(GreenMailUtil.getBody(awaitMail(email))).contains(reference);
    }

    // --- JSON API -------------------------------------------------------------------------------

    @Test
    void anIntegratorPostsAMessageAndARetryMakesNoSecondCaseOrAcknowledgement() throws Exception {
        String email = unique("api") + "@example.org";
        String externalId = unique("crm");
        String body = """
                {"externalId": "%s", "channel": "api",
                 "text": "I am writing for my mother. Her kitchen ceiling has been leaking for a month and the \
                repair was cancelled twice without anyone telling her. She is 84.",
                 "sender": {"name": "Dee Ellis", "email": "%s", "phone": "+447700900123"},
                 "onBehalfOf": {"name": "Edna Ellis", "address": "9 Park Road", "relationship": "daughter"},
                 "preferredContact": "email", "receivedAt": "2026-11-20T18:30:00Z"}""".formatted(externalId, email);

        HttpResponse<String> first = browser.postJson("/api/v1/messages", CRM_KEY, body);
        HttpResponse<String> again = browser.postJson("/api/v1/messages", CRM_KEY, body);

        assertThat(first.statusCode()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(first.body());
        String reference = accepted.path("reference").asText();
        assertThat(reference).matches(REFERENCE.pattern());
        assertThat(accepted.path("class").asText()).isNotBlank();
        assertThat(accepted.path("status").asText()).isEqualTo("awaiting_consent");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).path("reference").asText()).isEqualTo(reference);

        awaitMail(email);
        dispatcher.dispatchDue();
        assertThat(greenMail.getReceivedMessagesForDomain(email)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from inbound_message where external_id = ?").param(externalId)
                .query(Long.class).single()).isEqualTo(1);
        JsonNode found = caseJson(reference);
        assertThat(found.path("flags").path("representative").asBoolean()).isTrue();
        assertThat(found.path("consent").path("state").asText()).isEqualTo("pending");
        // Received Friday 20 November 18:30 London: out of hours, so day zero is Monday 23 November.
        assertThat(found.path("deadlines").path("dayZero").asText()).isEqualTo("2026-11-23");
        assertThat(found.path("deadlines").path("acknowledgeBy").asText()).isEqualTo("2026-11-30");
        assertThat(GreenMailUtil.getBody(greenMail.getReceivedMessagesForDomain(email)[0]))
                .contains("permission");
    }

    @Test
    void aMessageQuotingItsCaseReferenceFromTheSameSenderIsAFollowUp() throws Exception {
        String sender = unique("follow");
        String first = """
                {"externalId": "%s-1", "text": "Please send someone to fix the broken fence panel.",
                 "sender": {"name": "Fay", "email": "%s@example.org"}}""".formatted(sender, sender);
        String reference = JSON.readTree(browser.postJson("/api/v1/messages", CRM_KEY, first).body())
                .path("reference").asText();
        String second = """
                {"externalId": "%s-2", "text": "About %s: nobody came on the day you promised and nobody called.",
                 "sender": {"name": "Fay", "email": "%s@example.org"}}""".formatted(sender, reference, sender);
        String stranger = """
                {"externalId": "%s-3", "text": "Re %s, the fence is mine too",
                 "sender": {"name": "Gus", "email": "gus-%s@example.org"}}""".formatted(sender, reference, sender);

        JsonNode followUp = JSON.readTree(browser.postJson("/api/v1/messages", CRM_KEY, second).body());
        JsonNode other = JSON.readTree(browser.postJson("/api/v1/messages", CRM_KEY, stranger).body());

        // Dissatisfaction with an open repair: a complaint linked to it, and the repair carries on.
        assertThat(followUp.path("outcome").asText()).isEqualTo("follow_up");
        assertThat(followUp.path("class").asText()).isEqualTo("complaint");
        JsonNode complaint = caseJson(followUp.path("reference").asText());
        assertThat(complaint.path("relatedCase").asText()).isEqualTo(reference);
        assertThat(caseJson(reference).path("events").findValuesAsText("type")).contains("follow_up", "complaint_opened");
        assertThat(other.path("outcome").asText()).isEqualTo("opened");
        assertThat(caseJson(other.path("reference").asText()).path("staffAttention").asText())
                .contains("another contact");
    }

    @Test
    void theSameExternalIdFromAnotherKeyIsAnotherMessage() throws Exception {
        String externalId = unique("shared");
        String body = apiBody(externalId, "Can you tell me when the communal windows are next cleaned?");
        String one = JSON.readTree(browser.postJson("/api/v1/messages", CRM_KEY, body).body())
                .path("reference").asText();
        String two = JSON.readTree(browser.postJson("/api/v1/messages", "test-key-portal", body).body())
                .path("reference").asText();
        assertThat(two).isNotEqualTo(one);
    }

    @Test
    void theApiRefusesMissingOrWrongKeys() {
        String body = apiBody(unique("k"), "hello");
        assertThat(browser.postJson("/api/v1/messages", null, body).statusCode()).isEqualTo(401);
        assertThat(browser.postJson("/api/v1/messages", "wrong", body).statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/v1/cases").statusCode()).isEqualTo(401);
    }

    @Test
    void badApiInputGetsAClearFourHundred() throws Exception {
        HttpResponse<String> malformed = browser.postJson("/api/v1/messages", CRM_KEY, "{\"externalId\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON").doesNotContain("Exception");

        HttpResponse<String> missing = browser.postJson("/api/v1/messages", CRM_KEY,
                "{\"externalId\": \"x-1\", \"sender\": {\"email\": \"nope\"}}");
        assertThat(missing.statusCode()).isEqualTo(400);
        JsonNode fields = JSON.readTree(missing.body()).path("fields");
        assertThat(fields.has("text")).isTrue();
        assertThat(fields.has("sender.email")).isTrue();

        HttpResponse<String> wrongType = browser.post("/api/v1/messages", CRM_KEY, "text/plain", "hello");
        assertThat(wrongType.statusCode()).isEqualTo(415);

        HttpResponse<String> tooLong = browser.postJson("/api/v1/messages", CRM_KEY,
                apiBody(unique("long"), "x".repeat(20_001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
    }

    @Test
    void casesAreListedWithFilters() throws Exception {
        String reference = JSON.readTree(browser.postJson("/api/v1/messages", CRM_KEY,
                apiBody(unique("list"), "Thank you so much to Dave the caretaker, brilliant work")).body())
                .path("reference").asText();

        JsonNode compliments = JSON.readTree(browser.get("/api/v1/cases?class=compliment&since=2020-01-01",
                CRM_KEY).body()).path("cases");
        JsonNode complaints = JSON.readTree(browser.get("/api/v1/cases?class=complaint", CRM_KEY).body())
                .path("cases");

        assertThat(compliments.findValuesAsText("reference")).contains(reference);
        assertThat(complaints.findValuesAsText("reference")).doesNotContain(reference);
        assertThat(browser.get("/api/v1/cases?class=nonsense", CRM_KEY).statusCode()).isEqualTo(400);
        assertThat(browser.get("/api/v1/cases/HRT-1999-999999", CRM_KEY).statusCode()).isEqualTo(404);
    }

    // --- durability -----------------------------------------------------------------------------

    @Test
    void whenTheDatabaseIsDownTheApiAnswers503AndStoresNothing() {
        String externalId = unique("outage");
        DatabaseOutage.Switch database = (DatabaseOutage.Switch) dataSource;
        database.goDown();
        HttpResponse<String> response;
        HttpResponse<String> form;
        try {
            response = browser.postJson("/api/v1/messages", CRM_KEY, apiBody(externalId, "My boiler is broken"));
            Map<String, String> fields = browser.formFrom("/");
            fields.putAll(Map.of("email", "outage@example.org", "message", "My boiler is broken"));
            form = browser.postForm("/forms/resident", fields);
        } finally {
            database.comeBack();
        }
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("nothing was saved").doesNotContain("Exception");
        assertThat(form.statusCode()).isEqualTo(503);
        assertThat(form.body()).contains("We could not save your message");
        assertThat(jdbc.sql("select count(*) from inbound_message where external_id = ?").param(externalId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aMessageWhoseProcessingFailsIsStillStoredAndAnsweredThenTheRecoveryJobFinishesIt() throws Exception {
        String externalId = unique("breaks");
        String email = unique("breaks") + "@example.org";
        String body = JSON.writeValueAsString(Map.of("externalId", externalId, "sender", Map.of("email", email),
                "text", "The gas engineer was rude to me and left without servicing the boiler"));
        // Every processing attempt fails: the one in the storing transaction, and the one after it is stored alone.
        doThrow(new IllegalStateException("processing broke (test)")).when(processingInbound).process(anyLong());
        HttpResponse<String> response;
        try {
            response = browser.postJson("/api/v1/messages", CRM_KEY, body);
        } finally {
            reset(processingInbound);
        }

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("received");
        Map<String, Object> stored = jdbc.sql("select status, attempts, last_error from inbound_message"
                + " where external_id = ?").param(externalId).query().singleRow();
        assertThat(stored.get("status")).isEqualTo("RECEIVED");
        assertThat(((Number) stored.get("attempts")).intValue()).isEqualTo(1);
        assertThat((String) stored.get("last_error")).contains("processing broke (test)");

        jdbc.sql("update inbound_message set next_attempt_at = current_timestamp where external_id = ?")
                .param(externalId).update();
        assertThat(intake.retryDue(100)).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select status from inbound_message where external_id = ?").param(externalId)
                .query(String.class).single()).isEqualTo("PROCESSED");
        awaitMail(email);
    }

    @Test
    void aBacklogLargerThanOneBatchDrainsInOneRecoveryRun() {
        String prefix = unique("backlog");
        // As if a burst filled the processing queue and these waited in the inbox.
        for (int k = 0; k < 25; k++) {
            jdbc.sql("""
                    insert into inbound_message (channel, source, external_id, received_at, stored_at, sender_phone,
                        body, language, status, attempts, next_attempt_at)
                    values ('api', 'crm', ?, current_timestamp, current_timestamp, ?,
                        'The bathroom extractor fan has stopped working', 'en', 'RECEIVED', 0, current_timestamp)""")
                    .params(prefix + "-" + k, "+4477009" + String.format("%05d", k)).update();
        }

        assertThat(intake.retryDue(10)).as("processed in one run, ten at a time").isGreaterThanOrEqualTo(25);
        assertThat(jdbc.sql("select count(*) from inbound_message where external_id like ? and status = 'PROCESSED'")
                .param(prefix + "-%").query(Long.class).single()).isEqualTo(25);
    }

    @Test
    void aMessageStoredButNotProcessedIsPickedUpByTheRecoveryJob() {
        String externalId = unique("orphan");
        String email = unique("orphan") + "@example.org";
        // As if a node stopped between committing the message and processing it.
        jdbc.sql("""
                insert into inbound_message (channel, source, external_id, received_at, stored_at, sender_email,
                    body, language, status, attempts, next_attempt_at)
                values ('api', 'crm', ?, current_timestamp, current_timestamp, ?,
                    'The gas engineer was rude to me and left without servicing the boiler', 'en', 'RECEIVED', 0,
                    current_timestamp)""").params(externalId, email).update();

        assertThat(intake.retryDue(100)).isGreaterThanOrEqualTo(1);

        String status = jdbc.sql("select status from inbound_message where external_id = ?").param(externalId)
                .query(String.class).single();
        assertThat(status).isEqualTo("PROCESSED");
        awaitMail(email);
    }

    @Test
    void anAcknowledgementThatCannotBeSentIsRetriedThenMarkedFailedOnTheCase() throws Exception {
        String reference = JSON.readTree(browser.postJson("/api/v1/messages", CRM_KEY,
                apiBody(unique("fail"), "Please can someone call me about my rent account")).body())
                .path("reference").asText();
        long caseId = jdbc.sql("select id from case_file where reference = ?").param(reference)
                .query(Long.class).single();
        long outboundId = outbox.enqueue(caseId, "notice",
                new OutboundReply(ChannelId.of("pigeon"), "somewhere", "s", "no route for this channel"));

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(jdbc.sql(
                "select status from outbound_message where id = ?").param(outboundId).query(String.class).single()));

        JsonNode found = caseJson(reference);
        assertThat(found.path("events").findValuesAsText("type")).contains("notice_failed");
        assertThat(found.path("messages").findValuesAsText("deliveryState")).contains("failed");
        assertThat(browser.get("/actuator/prometheus").body())
                .contains("hearth_outbound_failed_total{channel=\"pigeon\"}");
    }

    @Test
    void healthShowsTheDatabaseAndMetricsCountMessages() {
        browser.postJson("/api/v1/messages", CRM_KEY, apiBody(unique("metrics"), "Is there parking for visitors?"));
        HttpResponse<String> health = browser.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"db\"", "\"mail\"", "\"status\":\"UP\"");
        assertThat(browser.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(browser.get("/actuator/prometheus").body())
                .contains("hearth_messages_received_total{channel=\"api\"}")
                .contains("hearth_messages_classified_total{channel=\"api\",class=");
    }

    // --- helpers --------------------------------------------------------------------------------
}
