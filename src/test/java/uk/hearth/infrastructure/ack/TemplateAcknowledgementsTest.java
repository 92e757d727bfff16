package uk.hearth.infrastructure.ack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.hearth.complaint.AcknowledgementFacts;
import uk.hearth.complaint.Acknowledgements.Written;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.Deadlines;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.config.HearthProperties;
import uk.hearth.message.ChannelId;

class TemplateAcknowledgementsTest {
    static final PolicyProfile CODE = new PolicyProfile("code", "Code", "Test Homes",
            new PolicyProfile.Contact("0100 000 0000", "", null), new PolicyProfile.Stage(5, 10, null, 10),
            new PolicyProfile.Stage(5, 20, null, 20), 10, 24,
            new PolicyProfile.Ombudsman("Housing Ombudsman Service", "0300 111 3000", "www.housing-ombudsman.org.uk",
                    "PO Box 152, Liverpool L33 7WQ"), null, null, null);
    static final Deadlines DUE = new Deadlines(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30),
            LocalDate.of(2026, 12, 7), Instant.parse("2026-11-24T10:00:00Z"));

    TemplateAcknowledgements shipped = acknowledgements(Path.of("config/templates"));

    static TemplateAcknowledgements acknowledgements(Path dir) {
        HearthProperties properties = new HearthProperties("code", "HRT", "https://hearth.example", dir,
                new HearthProperties.Calendar(null, java.time.ZoneId.of("Europe/London"), null, null), null, null, null);
        return new TemplateAcknowledgements(properties, Clock.systemUTC());
    }

    static AcknowledgementFacts facts(CaseClass caseClass, String language, String name, boolean hazard,
                                      boolean consent, boolean clarify) {
        return new AcknowledgementFacts(CaseReference.of("HRT", 2026, 123), caseClass,
                caseClass == CaseClass.ESCALATION ? 2 : 1, CaseStatus.OPEN, ChannelId.EMAIL, language, name,
                "The repair was cancelled twice", DUE, hazard, consent, clarify, CODE, null, false,
                hazard ? java.util.Set.of("gas") : java.util.Set.of(), false);
    }

    @Test
    void aComplaintCarriesTheReferenceTheClassTheDateAndTheOmbudsman() {
        Written w = shipped.write(facts(CaseClass.COMPLAINT, "en", "Ann Jones", false, false, false));

        assertThat(w.subject()).isEqualTo("We have your message - reference HRT-2026-000123");
        assertThat(w.body()).startsWith("Dear Ann Jones,")
                .contains("a complaint about our service (stage 1", "You wrote: \"The repair was cancelled twice\"",
                        "You will hear from us by Monday 7 December 2026", "Housing Ombudsman Service: 0300 111 3000",
                        "Phone: 0100 000 0000", "https://hearth.example/")
                .doesNotContain("URGENT", "permission", "not sure whether", "Email:", "{{", "\n\n\n");
    }

    @Test
    void optionalPartsAppearOnlyWhenTheyApply() {
        Written w = shipped.write(facts(CaseClass.SERVICE_REQUEST, "en", null, true, true, true));

        assertThat(w.body()).startsWith("Hello,")
                .contains("URGENT", "Tuesday 24 November 2026, 10:00", "0800 111 999", "their permission", "not sure whether",
                        "a request for us to put something right")
                .doesNotContain("Ombudsman");
    }

    @Test
    void disturbedAsbestosGetsItsOwnAdviceInBothLanguages() {
        for (String language : java.util.List.of("en", "cy")) {
            AcknowledgementFacts asbestos = new AcknowledgementFacts(CaseReference.of("HRT", 2026, 124),
                    CaseClass.SERVICE_REQUEST, 1, CaseStatus.OPEN, ChannelId.EMAIL, language, null,
                    "the fitters drilled the artex ceiling", DUE, true, false, false, CODE, null, false,
                    java.util.Set.of("asbestos"), false);
            assertThat(shipped.write(asbestos).body()).as(language)
                    .contains(language.equals("en") ? "do not sweep or vacuum the dust" : "peidiwch ag ysgubo na hwfro")
                    .doesNotContain("0800 111 999", "{{");
        }
    }

    @Test
    void welshTemplatesAreUsedForWelsh() {
        Written w = shipped.write(facts(CaseClass.COMPLIMENT, "cy", "Ann", false, false, false));

        assertThat(w.subject()).startsWith("Rydym wedi cael eich neges");
        assertThat(w.body()).startsWith("Annwyl Ann,").contains("canmoliaeth").doesNotContain("{{");
    }

    @Test
    void aChannelTemplateWinsAndABrokenEditKeepsTheLastGoodVersion(@TempDir Path dir) throws Exception {
        Path ack = Files.createDirectories(dir.resolve("acknowledgement"));
        Files.writeString(ack.resolve("default_en.txt"), "Default {{reference}}");
        Files.writeString(ack.resolve("email_en.txt"), "Subject: Ref {{reference}}\nEmail {{reference}}");
        TemplateAcknowledgements own = new TemplateAcknowledgements(new HearthProperties("code", "HRT", "x", dir,
                new HearthProperties.Calendar(null, java.time.ZoneId.of("UTC"), null, null), null, null, null),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        assertThat(own.write(facts(CaseClass.ENQUIRY, "en", null, false, false, false)))
                .isEqualTo(new Written("Ref HRT-2026-000123", "Email HRT-2026-000123\n"));

        TextTemplates templates = new TextTemplates(ack, java.time.Duration.ZERO, Clock.systemUTC());
        assertThat(templates.find("email_en.txt")).isPresent();
        Files.writeString(ack.resolve("email_en.txt"), "Broken {{#reference}}");
        Files.setLastModifiedTime(ack.resolve("email_en.txt"), FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(templates.find("email_en.txt").orElseThrow().execute(java.util.Map.of("reference", "R")))
                .isEqualTo("Subject: Ref R\nEmail R");
        assertThat(templates.find("sms_en.txt")).isEmpty();
    }
}
