package uk.hearth.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The triage-eval command: its report, its last line for scripts, and its answers to bad input. */
class TriageEvaluationTest {

    private static final String SUMMARY = "macro_f1=\\d\\.\\d{3} accuracy=\\d\\.\\d{3} hazard_recall=\\d\\.\\d{3}"
            + " representative_recall=\\d\\.\\d{3} vulnerability_recall=\\d\\.\\d{3}";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TriageEvaluation.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private Path file(String... jsonLines) throws IOException {
        Path file = dir.resolve("cases.jsonl");
        Files.writeString(file, String.join("\n", jsonLines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String line(String id, String text, String label, boolean hazard, String role) {
        return "{\"id\": \"" + id + "\", \"channel\": \"sms\", \"text\": \"" + text + "\", \"label\": \"" + label
                + "\", \"representative\": " + (role != null) + ", \"rep_role\": " + (role == null ? "null" : "\"" + role + "\"")
                + ", \"hazard\": " + hazard + ", \"vulnerability\": false, \"note\": \"\"}";
    }

    @Test
    void theLastLineIsTheSummaryInAFixedFormat() throws IOException {
        Path cases = file(
                line("a1", "I would like to make a formal complaint about the caretaker", "complaint", false, null),
                line("a2", "there is a strong smell of gas in my kitchen", "enquiry", true, null),
                line("a3", "I am writing on behalf of my mum, her boiler has broken", "service_request", false, "family"));

        assertThat(run(cases.toString(), "--config", "config/triage")).isZero();

        List<String> lines = lines();
        assertThat(lines.get(lines.size() - 1)).matches(SUMMARY)
                .isEqualTo("macro_f1=0.556 accuracy=0.667 hazard_recall=1.000 representative_recall=1.000"
                        + " vulnerability_recall=1.000");
        String report = String.join("\n", lines);
        assertThat(report).contains("complaint", "precision", "recall", "f1", "confusion",
                "misclassified (1): a2", "hazard", "representative", "vulnerability", "ms CPU", "ms wall clock");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theShippedConfigurationIsFoundFromTheWorkingDirectory() throws IOException {
        assertThat(run(file(line("b1", "thank you so much to the plumber", "compliment", false, null)).toString())).isZero();
        assertThat(lines().get(lines().size() - 1)).matches(SUMMARY).startsWith("macro_f1=1.000 accuracy=1.000");
    }

    @Test
    void badArgumentsAndBadInputAreExplained() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: triage-eval FILE [--config DIR]");

        Path broken = file(line("c1", "hello", "enquiry", false, null), "{not json");
        assertThat(run(broken.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cases.jsonl line 2").contains("not valid JSON");

        Path badLabel = file(line("c2", "hello", "grumble", false, null));
        assertThat(run(badLabel.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown class 'grumble'");

        assertThat(run(broken.toString(), "--config", dir.resolve("missing").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("triage configuration directory not found");
    }
}
