package uk.hearth.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.hearth.complaint.CaseClass;
import uk.hearth.tools.TriageEvaluation;

class ClassModelTest {

    private static final List<ClassModel.Example> SMALL = List.of(
            new ClassModel.Example("nobody came again and nobody rang me back", CaseClass.COMPLAINT),
            new ClassModel.Example("third time nobody came, nobody rang", CaseClass.COMPLAINT),
            new ClassModel.Example("the engineer never came and nobody rang to say", CaseClass.COMPLAINT),
            new ClassModel.Example("the kitchen tap is dripping please send someone", CaseClass.SERVICE_REQUEST),
            new ClassModel.Example("the bath tap is dripping can someone come", CaseClass.SERVICE_REQUEST),
            new ClassModel.Example("thank you the plumber was lovely", CaseClass.COMPLIMENT),
            new ClassModel.Example("when is the rent due", CaseClass.ENQUIRY),
            new ClassModel.Example("I want my complaint reviewed at stage 2", CaseClass.ESCALATION));

    @Test
    void itOverrulesTheRulesOnlyWhenSureAndSaysWhichWords() {
        ClassModel model = ClassModel.train(SMALL, 2, 2);

        assertThat(model.overrule("nobody came and nobody rang", CaseClass.SERVICE_REQUEST)).hasValueSatisfying(o -> {
            assertThat(o.caseClass()).isEqualTo(CaseClass.COMPLAINT);
            assertThat(o.margin()).isGreaterThanOrEqualTo(2);
            assertThat(o.words()).contains("nobody", "came");
        });
        assertThat(model.overrule("nobody came and nobody rang", CaseClass.COMPLAINT)).as("agrees").isEmpty();
        assertThat(ClassModel.train(SMALL, 1000, 2).overrule("nobody came and nobody rang", CaseClass.SERVICE_REQUEST))
                .as("not sure enough").isEmpty();
    }

    @Test
    void itNeedsExamplesOfEveryClass() {
        assertThatThrownBy(() -> ClassModel.train(SMALL.subList(0, 5), 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("compliment, enquiry, escalation");
    }

    /**
     * The honest test: learn without one fresh batch and classify that batch. Batch 19 was written by an author who
     * saw neither the rules nor the examples; the rules were tuned on it afterwards, the model here never saw it.
     */
    @Test
    void onABatchItDidNotLearnFromTheRulesAndTheModelTogetherDoBetterThanTheRulesAlone(@TempDir Path dir)
            throws IOException {
        ShippedTriage.copyTo(dir);
        Path examples = dir.resolve("examples/policy-cases.jsonl");
        List<String> kept = new ArrayList<>();
        List<String> heldOutLines = new ArrayList<>();
        for (String line : Files.readAllLines(examples, StandardCharsets.UTF_8)) {
            (line.contains("\"id\": \"f19-") ? heldOutLines : kept).add(line);
        }
        Files.write(examples, kept, StandardCharsets.UTF_8);
        Path heldOutFile = dir.resolve("held-out.jsonl");
        Files.write(heldOutFile, heldOutLines, StandardCharsets.UTF_8);
        List<TriageEvaluation.Example> heldOut = TriageEvaluation.load(heldOutFile);
        Triage withModel = Triage.fromDirectory(dir);
        Files.writeString(dir.resolve(TriageConfigLoader.CLASS_MODEL_FILE), "enabled: false\n", StandardCharsets.UTF_8);
        Triage rulesAlone = Triage.fromDirectory(dir);

        long both = heldOut.stream().filter(e -> withModel.classify(TriageInput.of(e.text(), e.channel()))
                .caseClass() == e.label()).count();
        long rules = heldOut.stream().filter(e -> rulesAlone.classify(TriageInput.of(e.text(), e.channel()))
                .caseClass() == e.label()).count();
        System.out.printf("held-out batch: rules alone %d of %d right, rules and class model %d%n", rules,
                heldOut.size(), both);
        assertThat(heldOut).hasSize(160);
        assertThat(withModel.classModel()).isPresent();
        assertThat(rulesAlone.classModel()).isEmpty();
        assertThat(both).isGreaterThan(rules);
        assertThat((double) both / heldOut.size()).isGreaterThan(0.90);
    }

    @Test
    void aRequestMadeInTermsOrANeighbourReportIsNotOverruled() {
        Triage triage = ShippedTriage.get();
        assertThat(triage.classify(TriageInput.of("I want to make a formal complaint. Thank you so much, the plumber"
                + " was lovely and the tap is great", "email")).caseClass()).isEqualTo(CaseClass.COMPLAINT);
        assertThat(triage.classify(TriageInput.of("I want to complain about my neighbour's dogs barking all day",
                "sms")).caseClass()).isEqualTo(CaseClass.SERVICE_REQUEST);
    }

    @Test
    void whenTheModelChangesTheClassTheReasonSaysWhyAndTheRulesReasonsStay() {
        Triage triage = ShippedTriage.get();
        TriageDecision d = triage.classify(TriageInput.of("u said the fence panel was in stock. now ur saying 6 wks."
                + " make ur mind up", "sms"));
        // Whatever decided it, an officer sees every rule that fired and, if the model chose, its words.
        assertThat(d.reasons()).extracting(Reason::rule).contains("class-decision");
        d.reasons().stream().filter(r -> r.rule().equals(Triage.CLASS_MODEL_RULE)).forEach(r ->
                assertThat(r.explanation()).contains("reads like the", "which the rules alone made it"));
    }

    @Test
    void aBrokenLabelStopsTheStartAndIsNamed(@TempDir Path dir) throws IOException {
        ShippedTriage.copyTo(dir);
        Files.writeString(dir.resolve("examples/zz-local.jsonl"),
                "{\"text\": \"hello\", \"label\": \"moan\", \"hazard\": false, \"vulnerability\": false,"
                        + " \"representative\": false}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).isInstanceOf(TriageConfigException.class)
                .hasMessageContaining("zz-local.jsonl line 1").hasMessageContaining("moan");
    }

    @Test
    void theModelCanBeSwitchedOffAndItsMarginMustMakeSense(@TempDir Path dir) throws IOException {
        ShippedTriage.copyTo(dir);
        Files.writeString(dir.resolve(TriageConfigLoader.CLASS_MODEL_FILE), "enabled: false\n", StandardCharsets.UTF_8);
        assertThat(Triage.fromDirectory(dir).classModel()).isEmpty();
        Files.writeString(dir.resolve(TriageConfigLoader.CLASS_MODEL_FILE), "margin: -1\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).isInstanceOf(TriageConfigException.class)
                .hasMessageContaining("margin");
    }
}
