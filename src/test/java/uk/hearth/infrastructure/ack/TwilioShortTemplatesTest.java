package uk.hearth.infrastructure.ack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.hearth.channel.twilio.GsmText;
import uk.hearth.complaint.AcknowledgementFacts;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.Deadlines;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.config.HearthProperties;
import uk.hearth.message.ChannelId;

/**
 * The shipped SMS and WhatsApp acknowledgements (config/templates/acknowledgement/sms_*.txt, whatsapp_*.txt) for
 * realistic cases: the longest landlord name among the seed policies, a realistic public address, the longest
 * dates. An SMS must stay in GSM-7 and within two segments (306 characters; a text that is not GSM-7 goes as UCS-2,
 * where two segments hold only 134), and still carry the reference, what we understood and when we will reply.
 */
class TwilioShortTemplatesTest {
    static final PolicyProfile PROFILE = new PolicyProfile("best", "BeST", "Bespoke Supportive Tenancies",
            new PolicyProfile.Contact("0161 000 0000", "complaints@example.org", null), new PolicyProfile.Stage(5, 10, null, 10),
            new PolicyProfile.Stage(5, 20, null, 20), 10, 24,
            new PolicyProfile.Ombudsman("Housing Ombudsman Service", "0300 111 3000", "www.housing-ombudsman.org.uk",
                    "PO Box 152, Liverpool L33 7WQ"), null, null, null);
    // The longest day and month names: Wednesday 30 September.
    static final Deadlines DUE = new Deadlines(LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 23),
            LocalDate.of(2026, 9, 30), Instant.parse("2026-09-30T09:00:00Z"));
    static final String PUBLIC_URL = "https://complaints.examplehomes.org.uk";

    final TemplateAcknowledgements templates = templates(Path.of("config/templates"), PROFILE.landlordName());

    static TemplateAcknowledgements templates(Path dir, String landlord) {
        return new TemplateAcknowledgements(new HearthProperties("best", "HRT", PUBLIC_URL, dir,
                new HearthProperties.Calendar(null, ZoneId.of("Europe/London"), null, null), null, null, null),
                Clock.systemUTC());
    }

    /** The shipped English default and the parts it includes, without any channel's own form. */
    static Path shippedDefaults(Path dir) throws java.io.IOException {
        Path shipped = Path.of("config/templates/acknowledgement");
        Path ack = Files.createDirectories(dir.resolve("acknowledgement/parts")).getParent();
        Files.copy(shipped.resolve("default_en.txt"), ack.resolve("default_en.txt"));
        try (var parts = Files.list(shipped.resolve("parts"))) {
            for (Path part : parts.toList()) {
                Files.copy(part, ack.resolve("parts").resolve(part.getFileName()));
            }
        }
        return ack;
    }

    record Case(String label, CaseClass caseClass, boolean hazard, boolean representative, boolean clarify) {
    }

    /** What residents text: each class, hazards, someone writing for a tenant, unclear messages. */
    static final List<Case> REALISTIC = List.of(
            new Case("complaint", CaseClass.COMPLAINT, false, false, false),
            new Case("complaint about a hazard", CaseClass.COMPLAINT, true, false, false),
            new Case("repair", CaseClass.SERVICE_REQUEST, false, false, false),
            new Case("emergency repair", CaseClass.SERVICE_REQUEST, true, false, false),
            new Case("unclear repair", CaseClass.SERVICE_REQUEST, false, false, true),
            new Case("complaint for a tenant", CaseClass.COMPLAINT, false, true, false),
            new Case("stage 2", CaseClass.ESCALATION, false, false, false),
            new Case("compliment", CaseClass.COMPLIMENT, false, false, false),
            new Case("question", CaseClass.ENQUIRY, false, false, false));

    static AcknowledgementFacts facts(Case c, ChannelId channel, String language, PolicyProfile profile) {
        return new AcknowledgementFacts(CaseReference.of("HRT", 2026, 123456), c.caseClass(),
                c.caseClass() == CaseClass.ESCALATION ? 2 : 1,
                c.representative() ? CaseStatus.AWAITING_CONSENT : CaseStatus.OPEN, channel, language, null,
                "The ceiling in my kitchen has been leaking since August and nobody has come", DUE, c.hazard(),
                c.representative(), c.clarify(), profile, null, false,
                c.hazard() ? java.util.Set.of("gas", "carbon_monoxide") : java.util.Set.of(), false);
    }

    @Test
    void everyRealisticSmsIsGsm7InTwoSegmentsWithTheEssentials() {
        List<String> report = new ArrayList<>();
        for (String language : List.of("en", "cy")) {
            for (Case c : REALISTIC) {
                Acknowledgements.Written written = templates.write(facts(c, ChannelId.of("sms"), language, PROFILE));
                String text = written.body().strip();
                // The short text links to the whole acknowledgement, kept under the token in the link.
                assertThat(written.full()).isNotNull();
                assertThat(text).contains(PUBLIC_URL + "/a/" + written.full().token());
                assertThat(written.full().body()).contains("HRT-2026-123456").isNotEqualTo(written.body());
                if (c.caseClass().isComplaint()) {
                    assertThat(written.full().body()).contains("0300 111 3000");
                }
                report.add(language + " " + c.label() + ": " + GsmText.units(text) + " characters, "
                        + GsmText.segments(text) + " segments");
                assertThat(GsmText.isGsm7(text)).as("%s %s is GSM-7:%n%s", language, c.label(), text).isTrue();
                assertThat(GsmText.units(text)).as("%s %s fits two segments:%n%s", language, c.label(), text)
                        .isLessThanOrEqualTo(306);
                assertThat(text).as("%s %s", language, c.label()).contains("HRT-2026-123456", PUBLIC_URL + "/");
                if (c.caseClass() != CaseClass.COMPLIMENT) {
                    assertThat(text).contains(language.equals("cy") ? "Mercher 30 Medi 2026"
                            : "Wednesday 30 September 2026");
                }
                if (c.hazard()) {
                    assertThat(text).contains("999", "0800 111 999");
                }
            }
        }
        report.forEach(System.out::println);
    }

    @Test
    void aWelshTextWithLettersOutsideGsm7IsSentWholeAsUcs2(@TempDir Path dir) throws Exception {
        // Without sms_cy.txt the long Welsh default is used; it has letters outside GSM-7 (â, ŷ). Twilio then sends
        // the whole text as UCS-2, 67 characters a segment: it costs more segments, but nothing is transliterated
        // (ŵ is not w in Welsh) and nothing is cut.
        Path ack = shippedDefaults(dir);
        Files.copy(Path.of("config/templates/acknowledgement/default_cy.txt"), ack.resolve("default_cy.txt"));

        String text = templates(dir, PROFILE.landlordName()).write(facts(REALISTIC.get(0), ChannelId.of("sms"), "cy",
                PROFILE)).body().strip();

        assertThat(GsmText.isGsm7(text)).isFalse();
        assertThat(text).contains("â ni");
        assertThat(GsmText.units(text)).isEqualTo(text.length());
        assertThat(GsmText.segments(text)).isEqualTo((text.length() + 66) / 67).isGreaterThan(2);
    }

    @Test
    void whatsAppTemplatesCarryTheReferenceTheUnderstandingAndTheDate() {
        for (String language : List.of("en", "cy")) {
            for (Case c : REALISTIC) {
                String text = templates.write(facts(c, ChannelId.of("whatsapp"), language, PROFILE)).body();
                assertThat(text).as("%s %s", language, c.label()).contains("HRT-2026-123456", PUBLIC_URL + "/")
                        .doesNotContain("{{", "\n\n\n");
                if (c.caseClass().isComplaint()) {
                    assertThat(text).contains("0300 111 3000");
                }
            }
        }
    }

    @Test
    void smsFallsBackToTheDefaultTemplateWhenItsOwnIsRemoved(@TempDir Path dir) throws Exception {
        shippedDefaults(dir);

        String text = templates(dir, PROFILE.landlordName()).write(facts(REALISTIC.get(0), ChannelId.of("sms"), "en",
                PROFILE)).body();

        assertThat(text).contains("HRT-2026-123456", "Housing Ombudsman Service");
    }
}
