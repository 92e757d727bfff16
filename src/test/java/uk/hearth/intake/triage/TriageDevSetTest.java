package uk.hearth.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.hearth.tools.TriageEvaluation;
import uk.hearth.tools.TriageEvaluation.Example;
import uk.hearth.tools.TriageReport;
import uk.hearth.tools.TriageScores;

/**
 * Runs the shipped configuration over the labelled sets and prints the evaluator's report: the development
 * set (the original rules were written with it in view) and the policy cases (written from the Code and the
 * landlords' policies, in residents' own styles, including Welsh). It asserts floors only, so a change that
 * breaks triage broadly fails the build without any single message being pinned.
 */
class TriageDevSetTest {

    private static final Path SETS = Path.of("src", "test", "resources", "triage");

    @ParameterizedTest
    @ValueSource(strings = {"dev.jsonl", "policy-cases.jsonl"})
    void clearsTheFloors(String file) throws IOException {
        List<Example> examples = TriageEvaluation.load(file.equals("dev.jsonl") ? SETS.resolve(file)
                : Path.of("config", "triage", "examples").resolve(file));
        Triage triage = ShippedTriage.get();
        TriageScores scores = TriageScores.of(examples, TriageEvaluation.classifyAll(triage, examples));
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        TriageReport.print(scores, null, SETS.resolve(file), new PrintStream(report, true, StandardCharsets.UTF_8));
        System.out.println(report.toString(StandardCharsets.UTF_8));

        assertThat(examples).hasSizeGreaterThanOrEqualTo(file.equals("dev.jsonl") ? 90 : 250);
        assertThat(scores.macroF1()).as("macro-F1").isGreaterThanOrEqualTo(0.85);
        assertThat(scores.accuracy()).as("accuracy").isGreaterThanOrEqualTo(0.85);
        assertThat(scores.hazard().recall()).as("hazard recall").isGreaterThanOrEqualTo(0.95);
        assertThat(scores.hazard().precision()).as("hazard precision").isGreaterThanOrEqualTo(0.80);
        assertThat(scores.representative().recall()).as("representative recall").isGreaterThanOrEqualTo(0.90);
        assertThat(scores.representative().precision()).as("representative precision").isGreaterThanOrEqualTo(0.85);
        assertThat(scores.vulnerability().recall()).as("vulnerability recall").isGreaterThanOrEqualTo(0.85);
        assertThat(scores.scored()).allSatisfy(s -> assertThat(s.decision().reasons()).isNotEmpty());
    }
}
