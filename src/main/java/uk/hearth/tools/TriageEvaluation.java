package uk.hearth.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import uk.hearth.complaint.CaseClass;
import uk.hearth.intake.triage.Reason;
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

    /** A message and what triage made of it. */
    public record Scored(Example example, TriageDecision decision) {
        boolean right() {
            return decision.caseClass() == example.label();
        }
    }

    /** Precision and recall of a yes/no flag. */
    public record FlagScore(String name, long truePositives, long predicted, long actual) {
        public double precision() {
            return predicted == 0 ? 1.0 : (double) truePositives / predicted;
        }

        public double recall() {
            return actual == 0 ? 1.0 : (double) truePositives / actual;
        }
    }

    /** Precision, recall and F1 of one class. */
    public record ClassScore(CaseClass caseClass, long truePositives, long predicted, long actual) {
        public double precision() {
            return predicted == 0 ? 0.0 : (double) truePositives / predicted;
        }

        public double recall() {
            return actual == 0 ? 0.0 : (double) truePositives / actual;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    /** Everything the report prints, for tests to assert floors on. */
    public record Scores(List<Scored> scored, Map<CaseClass, ClassScore> classes, FlagScore hazard,
                         FlagScore representative, FlagScore vulnerability, long rolesRight, long rolesCompared) {

        public double accuracy() {
            return scored.isEmpty() ? 0.0 : (double) scored.stream().filter(Scored::right).count() / scored.size();
        }

        /** The mean F1 over the classes that occur in the labels or the decisions (all five, in any real set). */
        public double macroF1() {
            return classes.values().stream().filter(c -> c.actual() > 0 || c.predicted() > 0)
                    .mapToDouble(ClassScore::f1).average().orElse(0.0);
        }

        public List<Scored> misclassified() {
            return scored.stream().filter(s -> !s.right()).toList();
        }

        public long confusion(CaseClass label, CaseClass got) {
            return scored.stream().filter(s -> s.example().label() == label && s.decision().caseClass() == got).count();
        }

        /** The last line of the report, always in this format. */
        public String summaryLine() {
            return String.format(Locale.ROOT, "macro_f1=%.3f accuracy=%.3f hazard_recall=%.3f representative_recall=%.3f"
                    + " vulnerability_recall=%.3f", macroF1(), accuracy(), hazard.recall(), representative.recall(),
                    vulnerability.recall());
        }
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
            Scores scores = score(examples, classifyAll(triage, examples));
            print(scores, timePerMessage(triage, examples), file, out);
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

    public static Scores score(List<Example> examples, List<TriageDecision> decisions) {
        List<Scored> scored = new ArrayList<>(examples.size());
        for (int k = 0; k < examples.size(); k++) {
            scored.add(new Scored(examples.get(k), decisions.get(k)));
        }
        Map<CaseClass, ClassScore> classes = new EnumMap<>(CaseClass.class);
        for (CaseClass c : CaseClass.values()) {
            classes.put(c, new ClassScore(c,
                    scored.stream().filter(s -> s.example().label() == c && s.decision().caseClass() == c).count(),
                    scored.stream().filter(s -> s.decision().caseClass() == c).count(),
                    scored.stream().filter(s -> s.example().label() == c).count()));
        }
        long bothRepresentative = scored.stream()
                .filter(s -> s.example().representative() && s.decision().representative()).count();
        long rolesRight = scored.stream().filter(s -> s.example().representative() && s.decision().representative()
                && Objects.equals(s.example().role(), s.decision().representativeRole())).count();
        return new Scores(scored, classes,
                flag(scored, "hazard", s -> s.example().hazard(), s -> s.decision().hazard()),
                flag(scored, "representative", s -> s.example().representative(), s -> s.decision().representative()),
                flag(scored, "vulnerability", s -> s.example().vulnerability(), s -> s.decision().vulnerability()),
                rolesRight, bothRepresentative);
    }

    private static FlagScore flag(List<Scored> scored, String name, Predicate<Scored> expected, Predicate<Scored> got) {
        return new FlagScore(name, scored.stream().filter(s -> expected.test(s) && got.test(s)).count(),
                scored.stream().filter(got).count(), scored.stream().filter(expected).count());
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

    /** The report; its last line is {@link Scores#summaryLine()}. */
    public static void print(Scores scores, Timing timing, Path file, PrintStream out) {
        int n = scores.scored().size();
        out.printf(Locale.ROOT, "triage-eval %s: %d messages%n%n", file, n);
        out.printf(Locale.ROOT, "%-16s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support");
        for (ClassScore c : scores.classes().values()) {
            out.printf(Locale.ROOT, "%-16s %9.3f %9.3f %9.3f %8d%n", c.caseClass().wireName(), c.precision(),
                    c.recall(), c.f1(), c.actual());
        }
        out.printf(Locale.ROOT, "%nconfusion (rows: label, columns: triage)%n%-16s", "");
        for (CaseClass got : CaseClass.values()) {
            out.printf(Locale.ROOT, "%16s", got.wireName());
        }
        out.println();
        for (CaseClass label : CaseClass.values()) {
            out.printf(Locale.ROOT, "%-16s", label.wireName());
            for (CaseClass got : CaseClass.values()) {
                out.printf(Locale.ROOT, "%16d", scores.confusion(label, got));
            }
            out.println();
        }
        out.println();
        for (FlagScore f : List.of(scores.hazard(), scores.representative(), scores.vulnerability())) {
            out.printf(Locale.ROOT, "%-15s recall %d/%d = %.3f  precision %d/%d = %.3f%n", f.name(), f.truePositives(),
                    f.actual(), f.recall(), f.truePositives(), f.predicted(), f.precision());
        }
        out.printf(Locale.ROOT, "representative role right where both say representative: %d/%d%n", scores.rolesRight(),
                scores.rolesCompared());
        out.printf(Locale.ROOT, "%nmisclassified (%d): %s%n", scores.misclassified().size(),
                String.join(" ", scores.misclassified().stream().map(s -> s.example().id()).toList()));
        for (Scored s : scores.misclassified()) {
            out.printf(Locale.ROOT, "  %s %s -> %s%s: %s%n      rules: %s%n", s.example().id(),
                    s.example().label().wireName(), s.decision().caseClass().wireName(),
                    s.decision().needsClarification() ? " (clarify)" : "", snippet(s.example().text()), rules(s.decision()));
        }
        List<String> flagMisses = new ArrayList<>();
        for (Scored s : scores.scored()) {
            List<String> diffs = new ArrayList<>();
            if (s.example().hazard() != s.decision().hazard()) {
                diffs.add("hazard " + s.example().hazard() + "->" + s.decision().hazard());
            }
            if (s.example().vulnerability() != s.decision().vulnerability()) {
                diffs.add("vulnerability " + s.example().vulnerability() + "->" + s.decision().vulnerability());
            }
            if (s.example().representative() != s.decision().representative()
                    || s.example().representative() && !Objects.equals(s.example().role(), s.decision().representativeRole())) {
                diffs.add("representative " + s.example().role() + "->" + s.decision().representativeRole());
            }
            if (!diffs.isEmpty()) {
                flagMisses.add("  " + s.example().id() + " " + String.join(", ", diffs) + ": " + snippet(s.example().text()));
            }
        }
        out.printf(Locale.ROOT, "%nflag and role differences (%d)%n", flagMisses.size());
        flagMisses.forEach(out::println);
        if (timing != null) {
            out.printf(Locale.ROOT, "%nmean classification time per message after warm-up: %.3f ms CPU, %.3f ms wall clock%n",
                    timing.cpuMillis(), timing.wallMillis());
        }
        out.println(scores.summaryLine());
    }

    private static String rules(TriageDecision decision) {
        return String.join(", ", decision.reasons().stream().map(Reason::rule)
                .filter(r -> !r.equals("class-decision")).toList());
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 110 ? flat : flat.substring(0, 107) + "...";
    }
}
