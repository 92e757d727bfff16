package uk.hearth.infrastructure.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.hearth.complaint.AcknowledgementFacts;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.NewCase;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.config.HearthProperties;
import uk.hearth.intake.PolicyProfilesTest;
import uk.hearth.message.ChannelId;

/** Each landlord's own wording, from the shipped templates and the shipped policy profiles. */
class ProfileTemplatesTest {
    private static final NewCase.Admission ANONYMOUS = new NewCase.Admission(null, "anonymous",
            "anonymous complaints are excluded");

    private static String acknowledge(String policy, String language, NewCase.Admission admission) throws Exception {
        PolicyProfile profile = PolicyProfilesTest.load(policy);
        TemplateAcknowledgements acknowledgements = new TemplateAcknowledgements(new HearthProperties(policy, "HRT",
                "https://hearth.example", Path.of("config/templates"),
                new HearthProperties.Calendar(null, ZoneId.of("Europe/London"), null, null), null, null, null),
                Clock.systemUTC());
        return acknowledgements.write(new AcknowledgementFacts(CaseReference.of("HRT", 2026, 7), CaseClass.COMPLAINT, 1,
                CaseStatus.OPEN, ChannelId.EMAIL, language, "Ann", "The lift is broken again", TemplateAcknowledgementsTest.DUE,
                false, false, false, profile, admission, false, null, false)).body();
    }

    @Test
    void buryExplainsWhyAnAnonymousComplaintIsExcludedAndSignposts() throws Exception {
        assertThat(acknowledge("bury", "en", ANONYMOUS))
                .contains("cannot consider it under our complaints policy", "made anonymously (section 9.1",
                        "with your name and how we can reach you", "Bury Council", "local councillor",
                        "Citizens Advice", "Housing Ombudsman Service (0300 111 3000")
                .doesNotContain("What we understood", "stage 1", "You will hear from us by", "{{");
        assertThat(acknowledge("bury", "cy", ANONYMOUS))
                .contains("yn ddienw (adran 9.1", "gan Gyngor Bury", "cynghorydd lleol", "Cyngor ar Bopeth")
                .doesNotContain("anonymous", "Citizens Advice", "{{");
    }

    @Test
    void withoutAWordingOfItsOwnAProfileUsesTheSharedOneInItsLanguage() throws Exception {
        PolicyProfile code = PolicyProfilesTest.load("code");
        assertThat(code.accepting().anonymous()).isEqualTo(PolicyProfile.Accepting.Anonymous.ACCEPT);
        // A landlord that configured the exclusion but wrote no wording for it still tells the resident why.
        assertThat(acknowledge("code", "en", ANONYMOUS))
                .contains("does not accept anonymous complaints", "If you give us your name")
                .doesNotContain("section 9.1", "Bury");
        assertThat(acknowledge("code", "cy", ANONYMOUS)).contains("cwynion dienw").doesNotContain("anonymous");
    }

    @Test
    void beyondHousingNamesItsConcernTierAndTheLeadOfficer() throws Exception {
        NewCase.Admission concern = new NewCase.Admission(LocalDate.of(2026, 11, 26), null, null);
        assertThat(acknowledge("beyond", "en", concern))
                .contains("a concern about our service", "within 3 working days", "by Thursday 26 November 2026",
                        "log it as a stage one complaint", "name of the lead officer", "A lead officer is appointed");
        assertThat(acknowledge("beyond", "cy", concern))
                .contains("pryder am ein gwasanaeth", "o fewn 3 diwrnod gwaith", "swyddog arweiniol")
                .doesNotContain("lead officer", "{{");
        assertThat(acknowledge("code", "en", concern))
                .contains("We aim to put it right by Thursday 26 November 2026", "handled by our complaints team")
                .doesNotContain("lead officer");
    }

    @Test
    void eachLandlordSaysWhoHandlesTheComplaintInItsOwnWordsInBothLanguages() throws Exception {
        assertThat(acknowledge("best", "en", null)).contains("a named contact in our team", "0161 786 6000 (option 6)",
                "complaints@bestha.co.uk");
        assertThat(acknowledge("best", "cy", null)).contains("enw person cyswllt", "0161 786 6000 (option 6)")
                .doesNotContain("named contact");
        assertThat(acknowledge("berneslai", "en", null)).contains("An investigating officer", "01226 787878",
                "easy-read summary", "www.berneslaihomes.co.uk");
        assertThat(acknowledge("berneslai", "cy", null)).contains("swyddog ymchwilio", "www.berneslaihomes.co.uk")
                .doesNotContain("investigating officer");
        assertThat(acknowledge("code", "en", null)).contains("handled by our complaints team");
        for (String policy : List.of("code", "best", "beyond", "bury", "berneslai")) {
            for (String language : List.of("en", "cy")) {
                assertThat(acknowledge(policy, language, null)).as("%s %s", policy, language)
                        .contains("HRT-2026-000007", "0300 111 3000").doesNotContain("{{", "\n\n\n");
            }
        }
    }

    @Test
    void theWaysTheLandlordOffersAreListedWithTheirDetails() throws Exception {
        assertThat(acknowledge("best", "en", null)).contains("Other ways to reach us: phone (0161 786 6000 (option 6)),"
                + " text message, WhatsApp, email (complaints@bestha.co.uk), our website, Facebook Messenger, Instagram,"
                + " letter or in person.");
        assertThat(acknowledge("bury", "cy", null)).contains("Ffyrdd eraill o gysylltu â ni: ffôn, e-bost, ein gwefan,"
                + " wyneb yn wyneb, llythyr, Facebook Messenger neu Instagram.");
    }

    @Test
    void aLandlordRewordsOnePartAndAnEditToItIsPickedUp(@TempDir Path dir) throws Exception {
        Path shared = Files.createDirectories(dir.resolve("acknowledgement/parts")).getParent();
        Path own = Files.createDirectories(dir.resolve("bury/acknowledgement/parts")).getParent();
        Files.writeString(shared.resolve("default_en.txt"), "Ref {{reference}}.\n{{> parts/closing}}\nEnd\n");
        Files.writeString(shared.resolve("parts/closing.txt"), "Shared closing for {{reference}}\n");
        TextTemplates templates = new TextTemplates(List.of(own, shared), Duration.ZERO, Clock.systemUTC());
        Map<String, Object> values = Map.of("reference", "R1");
        assertThat(templates.find("default_en.txt").orElseThrow().execute(values))
                .isEqualTo("Ref R1.\nShared closing for R1\nEnd\n");

        Files.writeString(own.resolve("parts/closing.txt"), "Bury's closing, {{reference}}\n");
        assertThat(templates.find("default_en.txt").orElseThrow().execute(values))
                .isEqualTo("Ref R1.\nBury's closing, R1\nEnd\n");

        Files.writeString(own.resolve("parts/closing.txt"), "Broken {{#reference}}\n");
        assertThat(templates.find("default_en.txt").orElseThrow().execute(values))
                .as("an edit that does not compile keeps the last good version")
                .isEqualTo("Ref R1.\nBury's closing, R1\nEnd\n");
    }

    @Test
    void aMissingPartOrALoopIsNamedWhenTheTemplateIsFirstRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("default_en.txt"), "{{> parts/nowhere}}");
        Files.writeString(dir.resolve("loop_en.txt"), "{{> loop_en}}");
        TextTemplates templates = new TextTemplates(dir, Duration.ZERO, Clock.systemUTC());

        assertThatThrownBy(() -> templates.find("default_en.txt")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("includes {{> parts/nowhere}} but there is no parts/nowhere.txt");
        assertThatThrownBy(() -> templates.find("loop_en.txt")).hasMessageContaining("loop");
    }

    @Test
    void aLandlordsTemplateThatIncludesAMissingPartStopsTheStartNamingIt(@TempDir Path dir) throws Exception {
        Path shared = Files.createDirectories(dir.resolve("acknowledgement"));
        Files.writeString(shared.resolve("default_en.txt"), "Ref {{reference}}");
        Files.writeString(Files.createDirectories(dir.resolve("bury/acknowledgement")).resolve("sms_cy.txt"),
                "{{> parts/sms-closing_cy}}");

        assertThatThrownBy(() -> new TemplateAcknowledgements(new HearthProperties("bury", "HRT", "x", dir,
                new HearthProperties.Calendar(null, ZoneId.of("UTC"), null, null), null, null, null), Clock.systemUTC()))
                .hasMessageContaining("sms_cy.txt includes {{> parts/sms-closing_cy}}");
    }

    @Test
    void aPartCannotBeNamedOutsideTheTemplateDirectories(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("default_en.txt"), "{{> ../secret}}");

        assertThatThrownBy(() -> new TextTemplates(dir, Duration.ZERO, Clock.systemUTC()).find("default_en.txt"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not allowed");
    }
}
