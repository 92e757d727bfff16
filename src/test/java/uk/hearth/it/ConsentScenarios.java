package uk.hearth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Representatives and consent end to end: the tenancy register, a representative without consent, the tenant
 * asked and answering, staff recording and withdrawing consent — and nothing about the tenant leaking to a
 * representative who has no consent.
 */
abstract class ConsentScenarios extends HearthIT {

    private String importTenant(String reference, String email, String phone) {
        browser.logIn("officer", "officer-password");
        String csv = "reference,name,address,phone,email,preferred_contact,language\n"
                + reference + ",Edna Ellis,\"9 Park Road, Bury BL9 0AA\"," + phone + "," + email + ",email,en\n";
        HttpResponse<String> imported = browser.post("/api/v1/tenancies", null, "text/csv", csv);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        return reference;
    }

    private JsonNode postAsRepresentative(String repEmail, String tenancyReference, String text) throws Exception {
        String body = """
                {"externalId": "%s", "text": "%s",
                 "sender": {"name": "Dee Ellis", "email": "%s"},
                 "onBehalfOf": {"name": "Edna Ellis", "relationship": "daughter", "tenancyReference": "%s"},
                 "preferredContact": "email"}""".formatted(unique("rep"), text, repEmail, tenancyReference);
        HttpResponse<String> answer = browser.postJson("/api/v1/messages", CRM_KEY, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body());
    }

    @Test
    void anImportWithABadRowImportsNothingAndSaysWhy() throws Exception {
        browser.logIn("officer", "officer-password");
        String csv = """
                reference,name,address,phone,email,preferred_contact,language
                T-OK-1,Ann Jones,"1 High St, Bury BL9 0AA",07700 900123,ann@example.org,sms,en
                ,No Reference,"2 High St, Bury BL9 0AA",,,,
                T-OK-3,Bad Phone,"3 High St, Bury BL9 0AA",12,,phone,xx
                """;

        HttpResponse<String> answer = browser.post("/api/v1/tenancies", null, "text/csv", csv);

        assertThat(answer.statusCode()).isEqualTo(422);
        JsonNode report = JSON.readTree(answer.body());
        assertThat(report.path("imported").asInt()).isZero();
        assertThat(report.path("rejected").findValuesAsText("row")).containsExactly("2", "3");
        assertThat(report.path("rejected").toString()).contains("reference is missing", "not a phone number",
                "language must be en or cy");
        assertThat(jdbc.sql("select count(*) from tenancy where reference like 'T-OK-%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theTenantIsAskedAndTheirYesReleasesTheCaseToTheRepresentative() throws Exception {
        String tenantEmail = unique("edna") + "@example.org";
        String repEmail = unique("dee") + "@example.org";
        String tenancy = importTenant(unique("T"), tenantEmail, "+447700900555");

        JsonNode accepted = postAsRepresentative(repEmail, tenancy,
                "My mum has had no hot water for a week and the repair was cancelled twice.");
        String reference = accepted.path("reference").asText();

        assertThat(accepted.path("status").asText()).isEqualTo("awaiting_consent");
        String request = body(awaitMail(tenantEmail));
        assertThat(request).contains("Dee Ellis", reference, "YES");
        assertThat(body(awaitMail(repEmail))).contains("need their permission");

        // The tenant answers on any channel: here through the CRM, from their own address.
        String yes = """
                {"externalId": "%s", "text": "Yes", "sender": {"name": "Edna Ellis", "email": "%s"}}"""
                .formatted(unique("yes"), tenantEmail);
        JsonNode answered = JSON.readTree(browser.postJson("/api/v1/messages", CRM_KEY, yes).body());

        assertThat(answered.path("reference").asText()).isEqualTo(reference);
        JsonNode found = caseJson(reference);
        assertThat(found.path("status").asText()).isEqualTo("open");
        assertThat(found.path("consent").path("state").asText()).isEqualTo("given");
        assertThat(found.path("events").findValuesAsText("type"))
                .contains("consent_checked", "consent_requested", "consent_answer", "consent_given");
        await().atMost(Duration.ofSeconds(20)).until(() -> greenMail.getReceivedMessagesForDomain(repEmail).length == 2);
        assertThat(body(greenMail.getReceivedMessagesForDomain(repEmail)[1])).doesNotContain("need their permission");
    }

    @Test
    void staffRecordConsentThenItIsWithdrawnAndDisclosureStops() throws Exception {
        String repEmail = unique("adv") + "@example.org";
        String tenancy = importTenant(unique("T"), unique("t") + "@example.org", "+447700900556");
        String reference = postAsRepresentative(repEmail, tenancy,
                "I am Edna's daughter. Nobody has fixed her front door lock after three calls. I want to complain.")
                .path("reference").asText();

        String consent = """
                {"tenant": {"tenancyReference": "%s", "name": "Edna Ellis"},
                 "representative": {"name": "Dee Ellis", "email": "%s", "role": "family"},
                 "form": "verbal", "evidenceReference": "call 2026-11-20 10:14", "scope": "all"}"""
                .formatted(tenancy, repEmail);
        HttpResponse<String> recorded = browser.postJson("/api/v1/consents", null, consent);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        long id = JSON.readTree(recorded.body()).path("id").asLong();
        assertThat(JSON.readTree(recorded.body()).path("recordedBy").asText()).isEqualTo("officer");
        assertThat(caseJson(reference).path("consent").path("state").asText()).isEqualTo("given");

        HttpResponse<String> withdrawn = browser.postJson("/api/v1/consents/" + id + "/withdraw", null,
                "{\"reason\": \"Mrs Ellis phoned\"}");

        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(withdrawn.body()).path("state").asText()).isEqualTo("withdrawn");
        JsonNode found = caseJson(reference);
        assertThat(found.path("consent").path("state").asText()).isEqualTo("withdrawn");
        assertThat(found.path("status").asText()).isEqualTo("awaiting_consent");
        assertThat(found.path("events").findValuesAsText("type")).contains("consent_given", "consent_withdrawn");
    }

    @Test
    void consentApiRefusesBadInputAndIntegrators() throws Exception {
        assertThat(browser.postJson("/api/v1/consents", CRM_KEY, "{}").statusCode()).isEqualTo(403);
        browser.logIn("officer", "officer-password");
        HttpResponse<String> noBasis = browser.postJson("/api/v1/consents", null, """
                {"tenant": {"name": "A"}, "representative": {"name": "B", "email": "b@example.org", "role": "friend"},
                 "form": "authority"}""");
        assertThat(noBasis.statusCode()).isEqualTo(400);
        assertThat(noBasis.body()).contains("authorityBasis");
    }

    @Test
    void nothingAboutTheTenantReachesARepresentativeWithoutConsent() throws Exception {
        String tenantEmail = unique("private") + "@example.org";
        String tenantPhone = "+447700900557";
        String tenancy = importTenant(unique("T"), tenantEmail, tenantPhone);
        // The tenant's own earlier case, which the representative must never hear about.
        String tenantsOwn = JSON.readTree(browser.postJson("/api/v1/messages", CRM_KEY, """
                {"externalId": "%s", "text": "I want to complain: my boiler repair was cancelled twice.",
                 "sender": {"name": "Edna Ellis", "email": "%s"}}""".formatted(unique("own"), tenantEmail)).body())
                .path("reference").asText();
        String repEmail = unique("nosy") + "@example.org";

        String reference = postAsRepresentative(repEmail, tenancy, "Writing for my mum about her damp.")
                .path("reference").asText();
        postAsRepresentative(repEmail, tenancy, "Any news on " + tenantsOwn + "? Why has nobody fixed it?");
        awaitMail(repEmail);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from outbound_message where recipient = ? and status = 'PENDING'")
                .param(repEmail).query(Long.class).single() == 0);

        // What the representative wrote is echoed back to them ("You wrote: ..."); everything else must be ours.
        List<String> toRepresentative = jdbc.sql("select coalesce(subject, '') || ' ' || body from outbound_message"
                + " where recipient = ?").param(repEmail).query(String.class).list().stream()
                .map(text -> text.replaceAll("(?m)^(You wrote: .*)$", "")).toList();
        assertThat(toRepresentative).isNotEmpty().allSatisfy(text -> assertThat(text)
                .doesNotContain(tenantEmail, tenantPhone, "07700 900557", "9 Park Road", "BL9 0AA", tenancy,
                        tenantsOwn, "boiler"));
        for (var mail : greenMail.getReceivedMessagesForDomain(repEmail)) {
            assertThat(mail.getSubject() + body(mail).replaceAll("(?m)^(You wrote: .*)$", "")).doesNotContain(tenantEmail, tenantPhone, "9 Park Road",
                    tenancy, tenantsOwn, "boiler");
        }
        assertThat(caseJson(reference).path("status").asText()).isEqualTo("awaiting_consent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sms", "whatsapp"})
    void aRepresentativeReachedByTextIsToldNothingAboutTheTenantWithoutConsent(String channel) throws Exception {
        String tenantEmail = unique("private") + "@example.org";
        String tenantPhone = "+447700900558";
        String tenancy = importTenant(unique("T"), tenantEmail, tenantPhone);
        String repPhone = "+447700910" + String.format("%03d", Math.floorMod(unique("p").hashCode(), 1000));
        HttpResponse<String> answer = browser.postJson("/api/v1/messages", CRM_KEY, """
                {"externalId": "%s", "text": "Writing for my mum: her boiler is broken and the damp is back.",
                 "sender": {"name": "Dee Ellis", "phone": "%s"},
                 "onBehalfOf": {"name": "Edna Ellis", "relationship": "daughter", "tenancyReference": "%s"},
                 "preferredContact": "%s"}""".formatted(unique("rep"), repPhone, tenancy, channel));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        String reference = JSON.readTree(answer.body()).path("reference").asText();

        // Whether this node can send on that channel or staff must, the reply to the representative is written
        // now, and it must hold nothing of the tenant's.
        List<String> toRepresentative = jdbc.sql("select coalesce(o.subject, '') || ' ' || o.body from outbound_message o"
                        + " join case_file c on c.id = o.case_id where c.reference = ? and o.recipient like ?")
                .params(reference, "%" + repPhone.substring(1)).query(String.class).list().stream()
                .map(text -> text.replaceAll("(?m)^(You wrote: .*)$", "")).toList();
        assertThat(toRepresentative).isNotEmpty().allSatisfy(text -> assertThat(text)
                .contains(reference)
                .doesNotContain(tenantEmail, tenantPhone, "07700 900558", "9 Park Road", "BL9 0AA", tenancy));
        assertThat(caseJson(reference).path("status").asText()).isEqualTo("awaiting_consent");
    }
}
