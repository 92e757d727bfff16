package uk.hearth.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.hearth.complaint.CaseClass;

/** Loading config/triage: a small working configuration, tuning it, and every kind of mistake named precisely. */
class TriageConfigLoaderTest {

    private static final String RULES = """
            decision:
              complaint-threshold: 3
              hazard-kinds: [gas]
              representative-roles:
                - {role: mp}
                - {role: councillor}
                - {role: solicitor}
                - {role: advocate}
                - {role: support_worker}
                - {role: family, relationship: relationship-family}
                - {role: friend}
                - {role: other}
            languages:
              en: {always: true}
              cy: {min-markers: 2}
            rules:
              - id: missed-visit
                vote: complaint
                weight: 3
                explain: expresses dissatisfaction with a missed visit
                when:
                  - phrases: missed-visit
              - id: fault
                vote: service_request
                weight: 1
                explain: describes a fault
                when:
                  - phrases: fault
              - id: hazard-gas
                hazard: gas
                vote: service_request
                weight: 2
                explain: reports gas
                when:
                  - phrases: gas
            """;
    private static final String EN = """
            spellings:
              no1: no one
            classes:
              who: ["(nobody|no one)"]
            lists:
              missed-visit:
                - "@who [has] (came|come|turned up)"
              fault:
                - "(broken|leak*)"
              gas:
                - "smell ~2 gas"
              relationship-family:
                - "(daughter|son)"
            """;
    private static final String CY = """
            markers: [mae, yn, wedi, ddim]
            lists:
              gas:
                - "arogl nwy"
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeConfiguration() throws IOException {
        write("rules.yaml", RULES);
        write("en/lists.yaml", EN);
        write("cy/lists.yaml", CY);
    }

    @Test
    void theShippedConfigurationLoads() {
        Triage triage = Triage.fromDirectory(Triage.SHIPPED_CONFIG);
        assertThat(triage.rules()).extracting(TriageRule::id).doesNotHaveDuplicates()
                .contains("explicit-complaint-request", "hazard-gas", "declared-representative");
    }

    @Test
    void aSmallConfigurationClassifiesWithItsOwnPhrases() {
        Triage triage = Triage.fromDirectory(dir);
        TriageDecision d = triage.classify(TriageInput.of("no1 came, the tap is broken", "sms"));
        assertThat(d.caseClass()).isEqualTo(CaseClass.COMPLAINT);
        assertThat(d.reasons()).extracting(Reason::explanation)
                .contains("expresses dissatisfaction with a missed visit: 'no1 came, the tap is broken'");
    }

    @Test
    void aLandlordCanTuneAWeightWithoutARelease() throws IOException {
        write("rules.yaml", RULES.replace("weight: 3", "weight: 2"));
        TriageDecision d = Triage.fromDirectory(dir).classify(TriageInput.of("nobody came. The tap is broken", "sms"));
        assertThat(d.caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
        assertThat(d.needsClarification()).isTrue();
    }

    @Test
    void theComplaintResponseRuleWorksWithOrWithoutListsThatMustNotOccur() throws IOException {
        String responseRule = """
                  - id: answer-rejected
                    kind: complaint-response
                    existing: existing
                    response: response
                    no-response: no-response
                    review: review
                    rejection: rejection
                """;
        write("rules.yaml", RULES + responseRule);
        write("en/lists.yaml", EN + """
                  existing: ["my complaint"]
                  response: ["(answer|reply)"]
                  no-response: ["no (answer|reply)"]
                  review: ["take it further"]
                  rejection: ["not happy"]
                  undecided: ["before i decide"]
                """);
        String text = "I got the answer to my complaint. Before I decide whether to take it further, who would look at it";
        assertThat(Triage.fromDirectory(dir).classify(TriageInput.of(text, "email")).caseClass())
                .isEqualTo(CaseClass.ESCALATION);

        write("rules.yaml", RULES + responseRule + "    not-in-message: undecided\n");
        assertThat(Triage.fromDirectory(dir).classify(TriageInput.of(text, "email")).caseClass())
                .isNotEqualTo(CaseClass.ESCALATION);
    }

    @Test
    void welshListsApplyOnlyToWelsh() {
        Triage triage = Triage.fromDirectory(dir);
        assertThat(triage.classify(TriageInput.of("Mae arogl nwy yn y gegin, dw i wedi ffonio", "sms")).hazardKinds())
                .containsExactly("gas");
        assertThat(triage.classify(TriageInput.of("arogl nwy", "sms")).hazard()).isFalse();
        assertThat(triage.classify(new TriageInput("arogl nwy", null, "web", false, null, "cy")).hazard()).isTrue();
    }

    @Test
    void aMessageIsReadAsWrittenInTheLanguageWithMostOfItsMarkerWords() throws IOException {
        write("rules.yaml", RULES.replace("cy: {min-markers: 2}", "cy: {min-markers: 2, name: Welsh}\n  pl: {min-markers: 2, name: Polish}")
                + """
                  - id: other-language
                    flags: vulnerability
                    explain: is written in another language
                    when:
                      - written-in-other-than: [en, cy]
                """);
        write("en/lists.yaml", EN + "markers: [the, and, my, is, please]\n");
        write("pl/lists.yaml", """
                markers: [jest, nie, mam, proszę, bardzo, dzień, dobry]
                lists:
                  gas:
                    - "czuję gaz"
                """);
        Triage triage = Triage.fromDirectory(dir);

        TriageDecision polish = triage.classify(TriageInput.of("Dzień dobry, czuję gaz w kuchni, proszę o pomoc. Flat 3", "sms"));
        assertThat(polish.hazardKinds()).containsExactly("gas");
        assertThat(polish.vulnerability()).isTrue();
        assertThat(polish.reasons()).extracting(Reason::explanation)
                .anyMatch(e -> e.startsWith("is written in another language (Polish): 'Dzień dobry"));

        TriageDecision english = triage.classify(TriageInput.of(
                "Dzień dobry! The tap is broken and my sink is full, please send someone, bardzo thanks", "sms"));
        assertThat(english.vulnerability()).as("a Polish greeting in an English message").isFalse();
        assertThat(triage.classify(TriageInput.of("Mae arogl nwy yn y gegin, dw i wedi ffonio", "sms")).vulnerability())
                .as("Welsh is not another language here").isFalse();
        assertThat(triage.classify(TriageInput.of("czuję gaz", "sms")).hazard())
                .as("without two Polish marker words the Polish lists stay off").isFalse();

        TriageDecision gujarati = triage.classify(TriageInput.of("નમસ્તે. અમારા બ્લોકમાં ત્રણ અઠવાડિયાથી કોઈ સફાઈ કરવા આવ્યું નથી. Flat 3", "sms"));
        assertThat(gujarati.reasons()).as("a script no language here is written in").extracting(Reason::explanation)
                .anyMatch(e -> e.startsWith("is written in another language (Gujarati script)"));
        assertThat(triage.classify(TriageInput.of("The tap is broken, my name is Łukasz, thanks 🙏", "sms")).vulnerability())
                .isFalse();
    }

    @Test
    void anUnknownLanguageInARuleIsNamed() throws IOException {
        write("rules.yaml", RULES + """
                  - id: other-language
                    flags: vulnerability
                    explain: is written in another language
                    when:
                      - written-in-other-than: [en, fr]
                """);
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).isInstanceOf(TriageConfigException.class)
                .hasMessageContaining("unknown language 'fr'");
    }

    @Test
    void brokenYamlNamesTheFile() throws IOException {
        write("en/lists.yaml", "lists:\n  fault: [\"broken\"\n");
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).isInstanceOf(TriageConfigException.class)
                .hasMessageContaining("en/lists.yaml").hasMessageContaining("not valid YAML");
    }

    @Test
    void aPhraseThatDoesNotParseIsNamedWithItsList() throws IOException {
        write("en/lists.yaml", EN.replace("\"(broken|leak*)\"", "\"(broken|leak*\""));
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).isInstanceOf(TriageConfigException.class)
                .hasMessageContaining("en/lists.yaml").hasMessageContaining("lists.fault[1]")
                .hasMessageContaining("(broken|leak*").hasMessageContaining("missing ')'");
    }

    @Test
    void aRegexStyleQuestionMarkIsRejected() throws IOException {
        write("en/lists.yaml", EN.replace("\"@who [has] (came|come|turned up)\"", "\"@who (has)? came\""));
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).hasMessageContaining("lists.missed-visit[1]")
                .hasMessageContaining("write optional words in [ ]");
    }

    @Test
    void aRuleNamingAnUnknownListIsNamed() throws IOException {
        write("rules.yaml", RULES.replace("phrases: fault", "phrases: faults"));
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).isInstanceOf(TriageConfigException.class)
                .hasMessageContaining("rules.yaml").hasMessageContaining("rules[2].when[1].phrases")
                .hasMessageContaining("no language defines a phrase list called 'faults'");
    }

    @Test
    void unknownEntriesAndValuesAreNamed() throws IOException {
        write("rules.yaml", RULES.replace("    weight: 1\n", "    wieght: 1\n"));
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).hasMessageContaining("rules[2]")
                .hasMessageContaining("unknown entry 'wieght'");
        write("rules.yaml", RULES.replace("hazard: gas", "hazard: gass"));
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).hasMessageContaining("rules[3].hazard")
                .hasMessageContaining("unknown hazard kind 'gass'");
        write("rules.yaml", RULES.replace("vote: complaint", "vote: grumble"));
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).hasMessageContaining("rules[1].vote")
                .hasMessageContaining("unknown class 'grumble'");
        write("rules.yaml", RULES.replace("weight: 3", "weight: three"));
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).hasMessageContaining("rules[1].weight")
                .hasMessageContaining("expected a whole number");
    }

    @Test
    void anUnknownWordClassIsNamed() throws IOException {
        write("en/lists.yaml", EN.replace("@who", "@whom"));
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).hasMessageContaining("lists.missed-visit[1]")
                .hasMessageContaining("unknown word class '@whom'");
    }

    @Test
    void aMissingLanguageFolderOrFileIsNamed() throws IOException {
        Files.delete(dir.resolve("cy/lists.yaml"));
        Files.delete(dir.resolve("cy"));
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).hasMessageContaining("cy").hasMessageContaining("not found");
        assertThatThrownBy(() -> Triage.fromDirectory(dir.resolve("nowhere")))
                .isInstanceOf(TriageConfigException.class).hasMessageContaining("not found");
    }

    @Test
    void aListDefinedTwiceInOneLanguageIsRejected() throws IOException {
        write("en/more.yaml", "lists:\n  fault:\n    - \"cracked\"\n");
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).hasMessageContaining("en/more.yaml")
                .hasMessageContaining("list 'fault' is already defined");
    }

    private void write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }
}
