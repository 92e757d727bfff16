package uk.hearth.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.hearth.intake.triage.ShippedTriage;
import uk.hearth.intake.triage.TrainedModels;
import uk.hearth.intake.triage.Triage;

/** The triage-train command: what it writes, where, and its answers to bad input. */
class TriageTrainingTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TriageTraining.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The shipped rules with the hazard model alone, learning from a few lines. */
    @BeforeEach
    void smallConfiguration() throws IOException {
        ShippedTriage.copyWithoutExamplesTo(dir);
        for (String model : List.of("class-model.yaml", "representative-model.yaml", "vulnerability-model.yaml")) {
            Files.writeString(dir.resolve(model), "enabled: false\n", StandardCharsets.UTF_8);
        }
        StringBuilder lines = new StringBuilder();
        for (int k = 0; k < 5; k++) {
            lines.append(line("water pouring through the ceiling light in flat " + k, true))
                    .append(line("when is my rent due in week " + k, false));
        }
        Files.writeString(dir.resolve("examples/small.jsonl"), lines, StandardCharsets.UTF_8);
    }

    private static String line(String text, boolean hazard) {
        return "{\"text\": \"" + text + "\", \"label\": \"service_request\", \"hazard\": " + hazard
                + ", \"vulnerability\": false, \"representative\": false, \"rep_role\": null}\n";
    }

    @Test
    void writesTheModelsBesideTheConfigurationWhereLoadingFindsThem() {
        assertThat(run("--config", dir.toString())).isZero();

        Path file = dir.resolve(TrainedModels.FILE);
        assertThat(file).isRegularFile();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 models learnt from " + dir)
                .contains("written to " + file);
        assertThat(dir.resolve(TrainedModels.FILE + ".partial")).doesNotExist();
        assertThat(Triage.fromDirectory(dir).hazardModel()).isPresent();
    }

    @Test
    void writesWhereItIsTold() {
        Path file = dir.resolve("elsewhere/models.bin");
        assertThat(run("--config", dir.toString(), "--out", file.toString())).isZero();
        assertThat(file).isRegularFile();
    }

    @Test
    void aBrokenConfigurationIsNamedAndNothingIsWritten() throws IOException {
        Files.writeString(dir.resolve("examples/small.jsonl"), "{\"text\": \"no flags\"}\n", StandardCharsets.UTF_8);

        assertThat(run("--config", dir.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("triage-train: ")
                .contains("small.jsonl line 1");
        assertThat(dir.resolve(TrainedModels.FILE)).doesNotExist();
    }

    @Test
    void unknownArgumentsGetTheUsage() {
        assertThat(run("--config")).isEqualTo(2);
        assertThat(run("extra")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: triage-train [--config DIR] [--out FILE]");
    }
}
