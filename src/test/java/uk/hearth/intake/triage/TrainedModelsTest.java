package uk.hearth.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models learnt ahead of time are used only for the examples they were learnt from, and decide as if learnt now. */
class TrainedModelsTest {

    private static final List<String> TEXTS = List.of(
            "water is coming through the ceiling light in flat 12",
            "the lady at number 12 says her toilet is blocked",
            "my son's boiler is broken again, number 12",
            "I am unhappy with how you handled my repair again",
            "my daughter has asthma and the damp is getting worse",
            "thank you for fixing the gate",
            "when is my rent due");

    @TempDir
    Path dir;

    @BeforeEach
    void smallConfiguration() throws IOException {
        ShippedTriage.copyWithoutExamplesTo(dir);
        writeExamples("small.jsonl", 6);
    }

    @Test
    void modelsReadBackDecideExactlyAsModelsLearntAtStart() throws IOException {
        TrainedModels learnt = TrainedModels.learn(dir);
        assertThat(learnt.names()).contains(TrainedModels.HAZARD, TrainedModels.VULNERABILITY,
                TrainedModels.REPRESENTATIVE, TrainedModels.ROLE_PREFIX + "family",
                TrainedModels.ROLE_PREFIX + "friend", TrainedModels.CLASS);
        TrainedModels read = roundTrip(learnt);

        TrainedModels.Recorder nothingLearnt = new TrainedModels.Recorder();
        Triage fromFile = TriageConfigLoader.load(dir, read, nothingLearnt);
        Triage fromExamples = TriageConfigLoader.load(dir, TrainedModels.NONE, new TrainedModels.Recorder());

        assertThat(nothingLearnt.size()).isZero();
        for (String text : TEXTS) {
            TriageInput input = TriageInput.of(text, "sms");
            assertThat(fromFile.classify(input)).isEqualTo(fromExamples.classify(input));
            assertThat(fromFile.hazardModel().orElseThrow().logOdds(text))
                    .isEqualTo(fromExamples.hazardModel().orElseThrow().logOdds(text));
        }
    }

    @Test
    void changedExamplesAreLearntAgainNotTakenFromTheFile() throws IOException {
        TrainedModels read = roundTrip(TrainedModels.learn(dir));
        writeExamples("more.jsonl", 3);

        TrainedModels.Recorder learnt = new TrainedModels.Recorder();
        Triage triage = TriageConfigLoader.load(dir, read, learnt);
        Triage fresh = TriageConfigLoader.load(dir, TrainedModels.NONE, new TrainedModels.Recorder());

        assertThat(learnt.size()).isEqualTo(read.size());
        assertThat(triage.hazardModel().orElseThrow().logOdds(TEXTS.get(0)))
                .isEqualTo(fresh.hazardModel().orElseThrow().logOdds(TEXTS.get(0)));
    }

    @Test
    void onlyTheModelWhoseLearningChangedIsLearntAgain() throws IOException {
        TrainedModels.Recorder learnt = new TrainedModels.Recorder();
        loadAfterWriting(TriageConfigLoader.VULNERABILITY_MODEL_FILE, "min-count: 2\nthreshold: 1\n", learnt);
        assertThat(learnt.size()).isEqualTo(1);
    }

    @Test
    void aNewThresholdTakesEffectWithoutLearningAgain() throws IOException {
        TrainedModels.Recorder learnt = new TrainedModels.Recorder();
        Triage triage = loadAfterWriting(TriageConfigLoader.HAZARD_MODEL_FILE, "threshold: 7.5\n", learnt);
        assertThat(learnt.size()).isZero();
        assertThat(triage.hazardModel().orElseThrow().toString()).contains("threshold 7.5");
    }

    /** Learns the models ahead, then changes one model file to {@code content} and loads with what was learnt. */
    private Triage loadAfterWriting(String modelFile, String content, TrainedModels.Recorder learnt)
            throws IOException {
        TrainedModels read = roundTrip(TrainedModels.learn(dir));
        Files.writeString(dir.resolve(modelFile), content, StandardCharsets.UTF_8);
        return TriageConfigLoader.load(dir, read, learnt);
    }

    @Test
    void aFileBesideTheConfigurationIsUsedAndAnUnreadableOneIsPassedOver() throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(TrainedModels.FILE))) {
            TrainedModels.learn(dir).write(out);
        }
        assertThat(TrainedModels.forDirectory(dir).origin()).isEqualTo(dir.resolve(TrainedModels.FILE).toString());

        Files.writeString(dir.resolve(TrainedModels.FILE), "not models", StandardCharsets.UTF_8);
        assertThat(TrainedModels.forDirectory(dir).isEmpty()).isTrue();
        assertThat(Triage.fromDirectory(dir).hazardModel()).isPresent();
    }

    /** The build learns the shipped configuration's models into the application (the exec step in pom.xml). */
    @Test
    void theApplicationHoldsTheModelsOfTheShippedExamples() {
        TrainedModels shipped = TrainedModels.forDirectory(Path.of("src/test/resources"));
        assertThat(shipped.origin()).contains("the application");

        TrainedModels.Recorder learnt = new TrainedModels.Recorder();
        TriageConfigLoader.load(Path.of("config/triage"), shipped, learnt);
        assertThat(learnt.size()).isZero();
    }

    private static TrainedModels roundTrip(TrainedModels models) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        models.write(bytes);
        return TrainedModels.read(new ByteArrayInputStream(bytes.toByteArray()), "test");
    }

    /** Writes {@code copies} copies of a few lines of each class, flag and role as one more examples file. */
    private void writeExamples(String name, int copies) throws IOException {
        Path examples = dir.resolve("examples");
        StringBuilder lines = new StringBuilder();
        for (int k = 0; k < copies; k++) {
            lines.append(line("water pouring through the ceiling light in flat " + k, "service_request", true, false,
                            null))
                    .append(line("I am unhappy with how you handled my repair " + k, "complaint", false, false, null))
                    .append(line("thank you for fixing the gate " + k, "compliment", false, false, null))
                    .append(line("when is my rent due in week " + k, "enquiry", false, false, null))
                    .append(line("I want complaint " + k + " reviewed at stage 2", "escalation", false, false, null))
                    .append(line("my daughter has asthma and the damp in flat " + k + " is bad", "service_request",
                            false, true, null))
                    .append(line("my son's boiler is broken again number " + k, "service_request", false, false,
                            "family"))
                    .append(line("the lady at number " + k + " says her toilet is blocked", "service_request", false,
                            false, "friend"));
        }
        Files.writeString(examples.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private static String line(String text, String label, boolean hazard, boolean vulnerability, String role) {
        return "{\"text\": \"" + text.replace("'", "\\u0027") + "\", \"label\": \"" + label + "\", \"hazard\": "
                + hazard + ", \"vulnerability\": " + vulnerability + ", \"representative\": " + (role != null)
                + ", \"rep_role\": " + (role == null ? "null" : "\"" + role + "\"") + "}\n";
    }
}
