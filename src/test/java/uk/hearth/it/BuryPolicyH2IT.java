package uk.hearth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The service run on Bury's policy as the landlord would run it: its profile, its own wording. */
@TestPropertySource(locations = "classpath:it/h2.properties", properties = {
        "hearth.policy=bury",
        "spring.datasource.url=jdbc:h2:mem:hearth-it-bury;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class BuryPolicyH2IT extends HearthIT {

    @Test
    void anAnonymousComplaintIsRecordedNotTakenFurtherAndTheReplyExplainsAndSignposts() throws Exception {
        String email = unique("anon") + "@example.org";
        String body = """
                {"externalId": "%s", "text": "I want to make a complaint but I want to stay anonymous. The caretaker has
                 ignored the broken lift for three weeks.", "sender": {"email": "%s"}, "preferredContact": "email"}"""
                .formatted(unique("b"), email).replace("\n", " ");
        String reference = JSON.readTree(browser.postJson("/api/v1/messages", CRM_KEY, body).body())
                .path("reference").asText();

        String reply = body(awaitMail(email));
        assertThat(reply).contains(reference, "Bury Housing Services", "made anonymously (section 9.1",
                        "local councillor", "Citizens Advice", "0300 111 3000")
                .doesNotContain("You will hear from us by");
        JsonNode c = caseJson(reference);
        assertThat(c.path("class").asText()).isEqualTo("complaint");
        assertThat(c.path("progress").path("exclusion").asText()).contains("anonymous");
        assertThat(c.path("events").toString()).contains("anonymous complaint excluded under the policy");

        browser.logIn("officer", "officer-password");
        JsonNode report = JSON.readTree(browser.get("/api/v1/reports/code-compliance?from=2000-01-01&to="
                + LocalDate.now().plusDays(1)).body());
        assertThat(report.toString()).contains(reference);
    }
}
