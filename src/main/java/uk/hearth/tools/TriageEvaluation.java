package uk.hearth.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import uk.hearth.complaint.CaseClass;
import uk.hearth.intake.triage.Triage;
import uk.hearth.intake.triage.TriageConfigException;
import uk.hearth.intake.triage.TriageDecision;
import uk.hearth.intake.triage.TriageInput;

/**
 * {@code java -jar hearth.jar triage-eval FILE [--config DIR]}: runs triage over labelled messages (JSON lines
 * with id, channel, text, label, representative, rep_role, hazard, vulnerability) and prints how well it did -
 * per-class precision, recall and F1, the confusion matrix, flag recall and precision, the misclassified ids
 * and the mean time per message after warm-up - ending with one summary line for scripts. No Spring, no
 * database: it reads the configuration in {@code config/triage} (or {@code --config DIR}) and the file.
 */
public final class TriageEvaluation {

    /** One labelled message. */
    public record Example(String id, String channel, String text, CaseClass label, boolean representative,
                          String role, boolean hazard, boolean vulnerability) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int WARM_UP_MESSAGES = 20_000;
    private static final int TIMED_MESSAGES = 5_000;

    private TriageEvaluation() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line: returns the process exit code (0 done, 2 bad arguments, 1 unusable input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Path config = Triage.SHIPPED_CONFIG;
        for (int k = 0; k < args.length; k++) {
            if (args[k].equals("--config") && k + 1 < args.length) {
                config = Path.of(args[++k]);
            } else if (args[k].startsWith("--") || file != null) {
                err.println("usage: triage-eval FILE [--config DIR]");
                return 2;
            } else {
                file = Path.of(args[k]);
            }
        }
        if (file == null) {
            err.println("usage: triage-eval FILE [--config DIR]   (FILE: JSON lines in the dev.jsonl format)");
            return 2;
        }
        try {
            Triage triage = Triage.fromDirectory(config);
            List<Example> examples = load(file);
            TriageScores scores = TriageScores.of(examples, classifyAll(triage, examples));
            TriageReport.print(scores, timePerMessage(triage, examples), file, out);
            return 0;
        } catch (TriageConfigException | IllegalArgumentException e) {
            err.println("triage-eval: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("triage-eval: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
    }

    /** Reads JSON lines in the dev.jsonl format; blank lines are skipped. */
    public static List<Example> load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>(lines.size());
        for (int k = 0; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                examples.add(parse(lines.get(k), file + " line " + (k + 1)));
            }
        }
        return examples;
    }

    static Example parse(String line, String where) {
        try {
            JsonNode node = JSON.readTree(line);
            return new Example(text(node, "id", where), node.path("channel").asString(""), text(node, "text", where),
                    CaseClass.fromWireName(text(node, "label", where)), node.path("representative").asBoolean(false),
                    node.path("rep_role").isNull() || node.path("rep_role").isMissingNode() ? null
                            : node.path("rep_role").asString(),
                    node.path("hazard").asBoolean(false), node.path("vulnerability").asBoolean(false));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(where + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + ": missing '" + field + "'");
        }
        return value.asString();
    }

    public static List<TriageDecision> classifyAll(Triage triage, List<Example> examples) {
        List<TriageDecision> decisions = new ArrayList<>(examples.size());
        for (Example e : examples) {
            decisions.add(triage.classify(input(e)));
        }
        return decisions;
    }

    private static TriageInput input(Example e) {
        return new TriageInput(e.text(), null, e.channel(), false, null);
    }

    /** Mean milliseconds per message after warm-up: CPU time of the classifying thread, and wall-clock time. */
    public record Timing(double cpuMillis, double wallMillis) {
    }

    /**
     * Classifies the messages round and round, first to warm up, then timed. CPU time is reported as well as
     * wall-clock time because on a shared machine the wall clock also counts time spent waiting for a core.
     */
    public static Timing timePerMessage(Triage triage, List<Example> examples) {
        if (examples.isEmpty()) {
            return new Timing(0.0, 0.0);
        }
        List<TriageInput> inputs = examples.stream().map(TriageEvaluation::input).toList();
        int sink = 0;
        for (int k = 0; k < Math.max(WARM_UP_MESSAGES, inputs.size()); k++) {
            sink += triage.classify(inputs.get(k % inputs.size())).reasons().size();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        int timed = Math.max(TIMED_MESSAGES, inputs.size());
        long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long wallStart = System.nanoTime();
        for (int k = 0; k < timed; k++) {
            sink += triage.classify(inputs.get(k % inputs.size())).reasons().size();
        }
        long wall = System.nanoTime() - wallStart;
        long cpuUsed = cpu ? threads.getCurrentThreadCpuTime() - cpuStart : wall;
        if (sink == 42) {
            System.out.print("");
        }
        return new Timing(cpuUsed / 1e6 / timed, wall / 1e6 / timed);
    }

}
