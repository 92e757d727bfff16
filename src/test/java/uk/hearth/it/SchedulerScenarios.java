package uk.hearth.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Scheduled work end to end: the SLA watchdog warning staff by email and webhook once before and once after a
 * deadline, a webhook that fails and is retried, a tenant reminded about a consent request, and a closed case's
 * personal data purged after the retention period. Time is driven by dating cases back, not by waiting.
 */
@TestPropertySource(locations = "classpath:it/scheduler.properties")
abstract class SchedulerScenarios extends HearthIT {
    static final String STAFF = "duty-officer@landlord.example";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final WireMockServer WEBHOOK = new WireMockServer(options().dynamicPort());

    static {
        WEBHOOK.start();
    }

    /** The H2 and PostgreSQL suites number their cases alike: each starts with a stub that has seen nothing. */
    @BeforeAll
    static void freshWebhook() {
        WEBHOOK.resetAll();
        WEBHOOK.stubFor(post(urlEqualTo("/hooks/sla")).willReturn(aResponse().withStatus(200)));
    }

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("hearth.scheduler.alerts.webhook-url", () -> WEBHOOK.baseUrl() + "/hooks/sla");
    }

    @Autowired
    Scheduler scheduler;

    /** A complaint through the API whose acknowledgement has reached the resident. */
    String acknowledgedComplaint() throws Exception {
        String externalId = unique("sla");
        HttpResponse<String> accepted = browser.postJson("/api/v1/messages", CRM_KEY, apiBody(externalId,
                "I want to complain: the repair to my kitchen ceiling was cancelled twice and nobody told me why."));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        awaitMail(externalId + "@example.org");
        return JSON.readTree(accepted.body()).path("reference").asText();
    }

    void respondBy(String reference, LocalDate day) {
        jdbc.sql("update case_file set respond_by = ? where reference = ?").params(day, reference).update();
    }

    static List<MimeMessage> staffMails(String reference) {
        return Arrays.stream(greenMail.getReceivedMessagesForDomain(STAFF)).filter(mail -> {
            try {
                return mail.getSubject().contains(reference);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    static List<LoggedRequest> webhookCalls(String reference) {
        return WEBHOOK.findAll(postRequestedFor(urlEqualTo("/hooks/sla")).withRequestBody(containing(reference)));
    }

    List<String> events(String reference, String type) throws Exception {
        return caseJson(reference).path("events").findParents("type").stream()
                .filter(event -> event.path("type").asText().equals(type))
                .map(event -> event.path("detail").asText()).toList();
    }

    /**
     * Waits until a job every two seconds has fired {@code runs} more times. The jobs are stateful: a firing
     * waits for the run before it, so all but the last of these runs have ended.
     */
    void awaitRuns(String job, int runs) {
        Instant from = Instant.now();
        await().atMost(Duration.ofSeconds(60 + 4L * runs)).until(() -> {
            Date last = scheduler.getTrigger(TriggerKey.triggerKey(job, "hearth")).getPreviousFireTime();
            return last != null && last.toInstant().isAfter(from.plusSeconds(2L * runs));
        });
    }

    @Test
    void staffAreWarnedOnceWhenAResponseIsDueAndOnceWhenItIsLate() throws Exception {
        String reference = acknowledgedComplaint();
        LocalDate today = LocalDate.now(LONDON);

        respondBy(reference, today);

        await().atMost(Duration.ofSeconds(60)).until(() -> staffMails(reference).size() == 1
                && webhookCalls(reference).size() == 1);
        MimeMessage dueSoon = staffMails(reference).get(0);
        assertThat(dueSoon.getSubject()).contains(reference, "response due soon");
        assertThat(body(dueSoon)).contains("/api/v1/cases/" + reference);
        JsonNode hook = JSON.readTree(webhookCalls(reference).get(0).getBodyAsString());
        assertThat(hook.path("event").asText()).isEqualTo("sla.due_soon");
        assertThat(hook.path("deadline").asText()).isEqualTo("respond");

        respondBy(reference, today.minusDays(1));

        await().atMost(Duration.ofSeconds(60)).until(() -> staffMails(reference).size() == 2
                && webhookCalls(reference).size() == 2);
        assertThat(staffMails(reference).get(1).getSubject()).contains(reference, "response deadline passed");
        assertThat(JSON.readTree(webhookCalls(reference).get(1).getBodyAsString()).path("event").asText())
                .isEqualTo("sla.lapsed");

        awaitRuns("sla-watchdog", 3);
        assertThat(staffMails(reference)).hasSize(2);
        assertThat(webhookCalls(reference)).hasSize(2);
        assertThat(events(reference, "sla_due_soon")).singleElement().asString()
                .contains("staff warned by email and webhook");
        assertThat(events(reference, "sla_lapsed")).hasSize(1);
        String metrics = browser.get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("hearth_cases_overdue\\{deadline=\"respond\"[^}]*} [1-9]")
                .contains("hearth_sla_warnings_total{channel=\"webhook\",deadline=\"respond\",level=\"lapsed\"");
    }

    @Test
    void aHazardNotMadeSafeInTimeIsWarnedAbout() throws Exception {
        String externalId = unique("hazard");
        HttpResponse<String> accepted = browser.postJson("/api/v1/messages", CRM_KEY, apiBody(externalId,
                "I can smell gas in the kitchen and I have reported it twice with no response. I want to complain."));
        String reference = JSON.readTree(accepted.body()).path("reference").asText();
        assertThat(caseJson(reference).path("flags").path("hazard").asBoolean()).isTrue();

        jdbc.sql("update case_file set make_safe_by = ? where reference = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30), reference).update();

        await().atMost(Duration.ofSeconds(60)).until(() -> staffMails(reference).stream().anyMatch(mail -> {
            try {
                return mail.getSubject().contains("make-safe deadline passed");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }));
        assertThat(events(reference, "sla_lapsed")).anySatisfy(detail -> assertThat(detail).contains("make-safe"));
    }

    @Test
    void aWebhookThatFailsIsTriedAgainOnTheNextRun() throws Exception {
        String reference = acknowledgedComplaint();
        // A 500, because the HTTP client itself retries a 503 (after its Retry-After) within one delivery.
        WEBHOOK.stubFor(post(urlEqualTo("/hooks/sla")).withRequestBody(containing(reference))
                .inScenario(reference).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        WEBHOOK.stubFor(post(urlEqualTo("/hooks/sla")).withRequestBody(containing(reference))
                .inScenario(reference).whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(204)));

        respondBy(reference, LocalDate.now(LONDON).minusDays(3));

        await().atMost(Duration.ofSeconds(60)).until(() -> webhookCalls(reference).size() == 2);
        awaitRuns("sla-watchdog", 2);
        assertThat(webhookCalls(reference)).hasSize(2);
        assertThat(staffMails(reference)).hasSize(1);
        assertThat(jdbc.sql("""
                select a.status || ':' || a.attempts from staff_alert a join sla_warning w on w.id = a.warning_id
                join case_file c on c.id = w.case_id where c.reference = ? and a.channel = 'webhook'""")
                .param(reference).query(String.class).single()).isEqualTo("SENT:2");
        assertThat(jdbc.sql("""
                select a.last_error from staff_alert a join sla_warning w on w.id = a.warning_id
                join case_file c on c.id = w.case_id where c.reference = ? and a.channel = 'webhook'""")
                .param(reference).query(String.class).single()).contains("500").doesNotContain("/hooks/sla");
    }

    @Test
    void theSchedulerShowsInHealthAsClusteredWithItsJobs() throws Exception {
        JsonNode health = JSON.readTree(browser.get("/actuator/health/scheduler").body());

        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode details = health.path("details");
        assertThat(details.path("clustered").asBoolean()).isTrue();
        assertThat(details.path("state").asText()).isEqualTo("started");
        assertThat(details.path("instanceId").asText()).isNotBlank();
        assertThat(details.path("nodes").findValuesAsText("instanceId"))
                .contains(details.path("instanceId").asText());
        JsonNode watchdog = details.path("jobs").path("sla-watchdog");
        assertThat(watchdog.path("cron").asText()).isEqualTo("0/2 * * * * ?");
        assertThat(Instant.parse(watchdog.path("nextFire").asText())).isAfter(Instant.now().minusSeconds(10));
        assertThat(details.path("jobs").has("consent-chase")).isTrue();
        assertThat(details.path("jobs").has("retention-purge")).isTrue();
    }

    @Test
    void aTenantWhoHasNotAnsweredIsRemindedOnce() throws Exception {
        String tenantEmail = unique("edna") + "@example.org";
        String tenancy = unique("T");
        browser.logIn("officer", "officer-password");
        HttpResponse<String> imported = browser.post("/api/v1/tenancies", null, "text/csv",
                "reference,name,address,phone,email,preferred_contact,language\n" + tenancy
                        + ",Edna Ellis,\"9 Park Road, Bury BL9 0AA\",+447700900558," + tenantEmail + ",email,en\n");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        HttpResponse<String> accepted = browser.postJson("/api/v1/messages", CRM_KEY, """
                {"externalId": "%s", "text": "My mum has had no hot water for a week and the repair was cancelled.",
                 "sender": {"name": "Dee Ellis", "email": "%s"},
                 "onBehalfOf": {"name": "Edna Ellis", "relationship": "daughter", "tenancyReference": "%s"},
                 "preferredContact": "email"}""".formatted(unique("rep"), unique("dee") + "@example.org", tenancy));
        String reference = JSON.readTree(accepted.body()).path("reference").asText();
        String request = body(awaitMail(tenantEmail));
        // The mail can arrive before the outbox records it as sent (which stamps sent_at): wait for that first, or
        // the stamp would overwrite the backdating below.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from outbound_message where kind = 'consent_request' and status = 'SENT'
                and case_id = (select id from case_file where reference = ?)""")
                .param(reference).query(Long.class).single() == 1);

        // The request went out two weeks ago: at least five working days, bank holidays or not.
        jdbc.sql("""
                update outbound_message set sent_at = ? where kind = 'consent_request'
                and case_id = (select id from case_file where reference = ?)""")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(14), reference).update();

        await().atMost(Duration.ofSeconds(60)).until(() -> greenMail.getReceivedMessagesForDomain(tenantEmail).length == 2);
        MimeMessage reminder = greenMail.getReceivedMessagesForDomain(tenantEmail)[1];
        assertThat(body(reminder)).startsWith("Reminder: ").contains(request.strip().substring(0, 40));
        assertThat(events(reference, "consent_chased")).singleElement().asString().contains("reminder 1 of 1");

        awaitRuns("consent-chase", 3);
        assertThat(greenMail.getReceivedMessagesForDomain(tenantEmail)).hasSize(2);
        assertThat(jdbc.sql("""
                select count(*) from outbound_message where kind = 'consent_reminder'
                and case_id = (select id from case_file where reference = ?)""")
                .param(reference).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aClosedCasePastTheRetentionPeriodLosesItsPersonalDataButNotItsFigures() throws Exception {
        String reference = acknowledgedComplaint();
        JsonNode before = caseJson(reference);
        assertThat(before.path("contact").path("email").asText()).endsWith("@example.org");

        jdbc.sql("update case_file set status = 'closed', updated_at = ? where reference = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(31), reference).update();

        await().atMost(Duration.ofSeconds(60)).until(() -> !events(reference, "personal_data_purged").isEmpty());
        JsonNode after = caseJson(reference);
        assertThat(after.path("contact").path("email").isNull() || after.path("contact").path("email").isMissingNode())
                .as(after.toString()).isTrue();
        assertThat(after.path("contact").path("name").isNull() || after.path("contact").path("name").isMissingNode())
                .isTrue();
        assertThat(after.path("messages").findValuesAsText("text")).isNotEmpty()
                .allMatch(text -> text.equals("[removed after the retention period]"));
        assertThat(after.path("class").asText()).isEqualTo(before.path("class").asText());
        assertThat(after.path("deadlines")).isEqualTo(before.path("deadlines"));
        assertThat(after.path("events").findValuesAsText("type"))
                .containsAll(before.path("events").findValuesAsText("type"));
        assertThat(after.toString()).doesNotContain("@example.org", "kitchen ceiling");
    }
}
