package uk.hearth.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.hearth.tools.TriageEvaluation;

class HazardModelTest {

    private static final List<HazardModel.Example> SMALL = List.of(
            new HazardModel.Example("water pouring through the ceiling light", true),
            new HazardModel.Example("water dripping through the kitchen ceiling light", true),
            new HazardModel.Example("the ceiling light is full of water", true),
            new HazardModel.Example("can I pay my rent online", false),
            new HazardModel.Example("when is my rent due this month", false),
            new HazardModel.Example("thank you for the new kitchen", false),
            new HazardModel.Example("the garden gate needs painting", false));

    @Test
    void flagsWhatReadsLikeTheHazardsItLearntAndSaysWhichWords() {
        HazardModel model = HazardModel.train(SMALL, 2, 2);
        assertThat(model.judge("Water coming through the ceiling light in the hall")).hasValueSatisfying(e -> {
            assertThat(e.logOdds()).isGreaterThanOrEqualTo(2);
            assertThat(e.words()).contains("ceiling light");
        });
        assertThat(model.judge("when can I pay the rent")).isEmpty();
        assertThat(model.logOdds("when can I pay the rent")).isLessThan(model.logOdds("water through the light"));
    }

    @Test
    void aWordSeenInFewerExamplesThanTheMinimumTeachesNothing() {
        HazardModel strict = HazardModel.train(SMALL, 2, 4);
        assertThat(strict.judge("pouring")).isEmpty();
    }

    @Test
    void itNeedsExamplesOfBothKinds() {
        assertThatThrownBy(() -> HazardModel.train(SMALL.subList(0, 3), 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 with and 0 without");
    }

    @Test
    void wordsAreLowerCaseWithoutApostrophesAndPaired() {
        assertThat(HazardModel.features("Can't LOCK it")).containsExactly("cant", "lock", "it", "cant_lock", "lock_it");
    }

    /**
     * The honest test: learn without one fresh batch and judge that batch. Batch 14 was written by an author who saw
     * neither the rules nor the other examples.
     */
    @Test
    void onABatchItDidNotLearnFromItFindsMoreThanHalfTheHazardsWithFewFalseAlarms() throws IOException {
        List<TriageEvaluation.Example> all = TriageEvaluation.load(Path.of("config/triage/examples/policy-cases.jsonl"));
        List<HazardModel.Example> training = all.stream().filter(e -> !e.id().startsWith("f14-"))
                .map(e -> new HazardModel.Example(e.text(), e.hazard())).toList();
        List<TriageEvaluation.Example> heldOut = all.stream().filter(e -> e.id().startsWith("f14-")).toList();
        HazardModel model = HazardModel.train(training, 26, 3);

        long hazards = heldOut.stream().filter(TriageEvaluation.Example::hazard).count();
        long found = heldOut.stream().filter(e -> e.hazard() && model.judge(e.text()).isPresent()).count();
        long falseAlarms = heldOut.stream().filter(e -> !e.hazard() && model.judge(e.text()).isPresent()).count();
        System.out.printf("held-out batch: model alone found %d of %d hazards, %d false alarms in %d others%n", found,
                hazards, falseAlarms, heldOut.size() - hazards);
        assertThat(hazards).isGreaterThan(40);
        assertThat((double) found / hazards).as("recall on the held-out batch").isGreaterThan(0.55);
        assertThat((double) falseAlarms / (heldOut.size() - hazards)).as("false-alarm rate").isLessThan(0.05);
    }

    @Test
    void theShippedTriageAddsTheModelsOpinionOnlyWhereNoRuleFoundAHazard() {
        Triage triage = ShippedTriage.get();
        assertThat(triage.hazardModel()).isPresent();
        TriageDecision byRule = triage.classify(TriageInput.of("there is a strong smell of gas in the kitchen", "sms"));
        assertThat(byRule.reasons()).extracting(Reason::rule).doesNotContain(Triage.HAZARD_MODEL_RULE);
        TriageDecision nothing = triage.classify(TriageInput.of("can I pay my rent by standing order?", "sms"));
        assertThat(nothing.hazard()).isFalse();
    }

    @Test
    void aBrokenExampleLineStopsTheStartAndIsNamed(@TempDir Path dir) throws IOException {
        copy(Path.of("config/triage"), dir);
        Files.writeString(dir.resolve("examples/zz-local.jsonl"), "{\"text\": \"no flag here\"}\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Triage.fromDirectory(dir)).isInstanceOf(TriageConfigException.class)
                .hasMessageContaining("zz-local.jsonl line 1").hasMessageContaining("\"hazard\"");
    }

    @Test
    void theModelCanBeSwitchedOff(@TempDir Path dir) throws IOException {
        copy(Path.of("config/triage"), dir);
        Files.writeString(dir.resolve(TriageConfigLoader.HAZARD_MODEL_FILE), "enabled: false\n", StandardCharsets.UTF_8);
        assertThat(Triage.fromDirectory(dir).hazardModel()).isEmpty();
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
