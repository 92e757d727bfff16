package uk.hearth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Staff take a complaint through the procedure, and the self-assessment figures count it. */
abstract class ProgressScenarios extends HearthIT {

    private String complaint(String email) throws Exception {
        String body = """
                {"externalId": "%s", "text": "I want to make a formal complaint: the repair to my back door was
                 cancelled three times and nobody called me.", "sender": {"name": "Pat Doyle", "email": "%s"},
                 "preferredContact": "email"}""".formatted(unique("p"), email).replace("\n", " ");
        return JSON.readTree(browser.postJson("/api/v1/messages", CRM_KEY, body).body()).path("reference").asText();
    }

    private HttpResponse<String> staff(String reference, String action, String json) {
        return browser.postJson("/api/v1/cases/" + reference + "/" + action, null, json);
    }

    @Test
    void aComplaintIsExtendedAnsweredEscalatedAndClosedOnTheAuditTrail() throws Exception {
        String email = unique("pat") + "@example.org";
        String reference = complaint(email);
        awaitMail(email);
        browser.logIn("officer", "officer-password");
        String before = caseJson(reference).path("deadlines").path("respondBy").asText();

        HttpResponse<String> extended = staff(reference, "extension",
                "{\"workingDays\": 5, \"reason\": \"we are waiting for the contractor's report\"}");
        HttpResponse<String> tooLong = staff(reference, "extension",
                "{\"workingDays\": 6, \"reason\": \"more time\"}");

        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
        JsonNode afterExtension = JSON.readTree(extended.body());
        assertThat(LocalDate.parse(afterExtension.path("deadlines").path("respondBy").asText()))
                .isAfter(LocalDate.parse(before));
        assertThat(afterExtension.path("progress").path("extensions").get(0).path("reason").asText())
                .contains("contractor's report");
        assertThat(tooLong.statusCode()).isEqualTo(409);
        assertThat(tooLong.body()).contains("at most 10 working days");
        await().atMost(Duration.ofSeconds(20)).until(() -> greenMail.getReceivedMessagesForDomain(email).length >= 2);
        String told = body(greenMail.getReceivedMessagesForDomain(email)[1]);
        assertThat(told).contains("contractor's report", "0300 111 3000", afterExtension.path("deadlines")
                .path("respondBy").asText().substring(0, 4));

        assertThat(staff(reference, "response", "{\"stage\": 2, \"outcome\": \"upheld\"}").statusCode()).isEqualTo(409);
        assertThat(staff(reference, "response", "{\"stage\": 1, \"outcome\": \"not_upheld\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> badRefusal = staff(reference, "escalation", "{\"refuse\": \"too_many_complaints\"}");
        assertThat(badRefusal.statusCode()).isEqualTo(400);
        assertThat(badRefusal.body()).contains("legal_proceedings");
        JsonNode escalated = JSON.readTree(staff(reference, "escalation", "{}").body());
        assertThat(escalated.path("stage").asInt()).isEqualTo(2);
        assertThat(escalated.path("class").asText()).isEqualTo("escalation");
        await().atMost(Duration.ofSeconds(20)).until(() -> greenMail.getReceivedMessagesForDomain(email).length >= 3);
        assertThat(staff(reference, "escalation", "{}").statusCode()).isEqualTo(409);

        JsonNode closed = JSON.readTree(staff(reference, "response", "{\"stage\": 2, \"outcome\": \"partly_upheld\"}")
                .body());
        assertThat(closed.path("status").asText()).isEqualTo("closed");
        assertThat(closed.path("events").findValuesAsText("type"))
                .contains("extended", "stage1_response", "escalated", "stage2_response", "closed");

        String today = LocalDate.now().toString();
        JsonNode report = JSON.readTree(browser.get("/api/v1/reports/code-compliance?from=2000-01-01&to=" + today)
                .body());
        assertThat(report.path("received").asLong()).isPositive();
        assertThat(report.path("extensions").findValuesAsText("reference")).contains(reference);
        assertThat(report.path("escalatedToStage2").path("within").asLong()).isPositive();
        assertThat(report.path("byChannel").path("api").asLong()).isPositive();
    }

    @Test
    void aManualAcknowledgementIsRecordedAndIntegratorsCannotProgressCases() throws Exception {
        String body = """
                {"externalId": "%s", "text": "Nobody has replied to my letters about the damp for two months.",
                 "sender": {"name": "Rhys Lewis"}, "preferredContact": "letter"}""".formatted(unique("l"));
        String reference = JSON.readTree(browser.postJson("/api/v1/messages", CRM_KEY, body).body())
                .path("reference").asText();
        assertThat(browser.postJson("/api/v1/cases/" + reference + "/close", CRM_KEY, "{\"reason\": \"x\"}")
                .statusCode()).isEqualTo(403);
        browser.logIn("officer", "officer-password");

        HttpResponse<String> made = staff(reference, "acknowledgement", "{\"by\": \"letter\"}");

        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(JSON.readTree(made.body()).path("messages").findValuesAsText("deliveryState")).contains("sent")
                .doesNotContain("manual_due");
        assertThat(staff(reference, "acknowledgement", "{\"by\": \"letter\"}").statusCode()).isEqualTo(409);
        assertThat(staff("HRT-1999-999999", "close", "{\"reason\": \"x\"}").statusCode()).isEqualTo(404);
    }
}
