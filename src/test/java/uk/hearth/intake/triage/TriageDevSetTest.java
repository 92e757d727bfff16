package uk.hearth.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.hearth.complaint.CaseClass;

/**
 * Runs the shipped rules over the labelled development set and prints a report: class accuracy, a confusion
 * table, precision and recall of each flag, and every miss with a snippet. It asserts only modest floors, so
 * it guards against a rule change that breaks triage broadly without pinning any single example.
 */
class TriageDevSetTest {

    private record Example(String id, String channel, String text, CaseClass label, boolean representative,
                           String role, boolean hazard, boolean vulnerability) {
    }

    private record Scored(Example example, TriageDecision decision) {
    }

    private static final List<Scored> SCORED = new ArrayList<>();

    @BeforeAll
    static void classifyDevSet() throws IOException {
        Triage triage = Triage.standard();
        for (Example e : load()) {
            SCORED.add(new Scored(e, triage.classify(new TriageInput(e.text(), null, e.channel(), false, null))));
        }
    }

    @Test
    void reportsAndClearsModestFloors() {
        int n = SCORED.size();
        long correct = SCORED.stream().filter(s -> s.decision().caseClass() == s.example().label()).count();
        double accuracy = (double) correct / n;
        StringBuilder out = new StringBuilder("\n=== Triage dev set: ").append(n).append(" messages ===\n")
                .append("(the rules were written with this set in view, so read these figures as optimistic)\n");
        out.append(String.format(Locale.ROOT, "class accuracy: %d/%d = %.3f%n", correct, n, accuracy));
        out.append(confusion());
        double[] hazard = flag(out, "hazard", s -> s.example().hazard(), s -> s.decision().hazard());
        double[] vulnerable = flag(out, "vulnerability", s -> s.example().vulnerability(), s -> s.decision().vulnerability());
        double[] represented = flag(out, "representative", s -> s.example().representative(), s -> s.decision().representative());
        long roleRight = SCORED.stream().filter(s -> s.example().representative() && s.decision().representative()
                && Objects.equals(s.example().role(), s.decision().representativeRole())).count();
        long bothRep = SCORED.stream().filter(s -> s.example().representative() && s.decision().representative()).count();
        out.append(String.format(Locale.ROOT, "representative role right where both say representative: %d/%d%n",
                roleRight, bothRep));
        out.append("needs clarification: ").append(String.join(", ", SCORED.stream()
                .filter(s -> s.decision().needsClarification()).map(s -> s.example().id()).toList())).append('\n');
        out.append("--- misclassified ---\n");
        SCORED.stream().filter(s -> s.decision().caseClass() != s.example().label()).forEach(s -> out.append(String.format(
                Locale.ROOT, "%s expected %s got %s%s: %s%n      rules: %s%n", s.example().id(), s.example().label().wireName(),
                s.decision().caseClass().wireName(), s.decision().needsClarification() ? " (clarify)" : "",
                snippet(s.example().text()), ruleIds(s.decision()))));
        out.append("--- flag and role differences ---\n");
        for (Scored s : SCORED) {
            List<String> diffs = new ArrayList<>();
            if (s.example().hazard() != s.decision().hazard()) {
                diffs.add("hazard " + s.example().hazard() + "->" + s.decision().hazard());
            }
            if (s.example().vulnerability() != s.decision().vulnerability()) {
                diffs.add("vulnerability " + s.example().vulnerability() + "->" + s.decision().vulnerability());
            }
            if (s.example().representative() != s.decision().representative()
                    || !Objects.equals(s.example().role(), s.decision().representativeRole())) {
                diffs.add("representative " + s.example().role() + "->" + s.decision().representativeRole());
            }
            if (!diffs.isEmpty()) {
                out.append(s.example().id()).append(' ').append(String.join(", ", diffs)).append(": ")
                        .append(snippet(s.example().text())).append('\n');
            }
        }
        System.out.println(out);

        assertThat(accuracy).as("class accuracy").isGreaterThanOrEqualTo(0.70);
        assertThat(hazard[1]).as("hazard recall").isGreaterThanOrEqualTo(0.70);
        assertThat(hazard[0]).as("hazard precision").isGreaterThanOrEqualTo(0.70);
        assertThat(vulnerable[1]).as("vulnerability recall").isGreaterThanOrEqualTo(0.70);
        assertThat(represented[1]).as("representative recall").isGreaterThanOrEqualTo(0.70);
        assertThat(represented[0]).as("representative precision").isGreaterThanOrEqualTo(0.70);
    }

    @Test
    void everyDecisionExplainsItself() {
        assertThat(SCORED).allSatisfy(s -> assertThat(s.decision().reasons()).isNotEmpty());
    }

    private static String confusion() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-16s", "label \\ got"));
        for (CaseClass got : CaseClass.values()) {
            table.append(String.format(Locale.ROOT, "%17s", got.wireName()));
        }
        table.append('\n');
        for (CaseClass label : CaseClass.values()) {
            table.append(String.format(Locale.ROOT, "%-16s", label.wireName()));
            for (CaseClass got : CaseClass.values()) {
                long count = SCORED.stream()
                        .filter(s -> s.example().label() == label && s.decision().caseClass() == got).count();
                table.append(String.format(Locale.ROOT, "%17d", count));
            }
            table.append('\n');
        }
        return table.toString();
    }

    /** Prints and returns {precision, recall}. */
    private static double[] flag(StringBuilder out, String name, Predicate<Scored> expected, Predicate<Scored> got) {
        long tp = SCORED.stream().filter(s -> expected.test(s) && got.test(s)).count();
        long fp = SCORED.stream().filter(s -> !expected.test(s) && got.test(s)).count();
        long fn = SCORED.stream().filter(s -> expected.test(s) && !got.test(s)).count();
        double precision = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        out.append(String.format(Locale.ROOT, "%-15s precision %d/%d = %.3f, recall %d/%d = %.3f%n",
                name, tp, tp + fp, precision, tp, tp + fn, recall));
        return new double[] {precision, recall};
    }

    private static String ruleIds(TriageDecision decision) {
        return String.join(", ", decision.reasons().stream().map(Reason::rule)
                .filter(r -> !r.equals("class-decision")).toList());
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 110 ? flat : flat.substring(0, 107) + "...";
    }

    private static List<Example> load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Example> examples = new ArrayList<>();
        try (InputStream in = TriageDevSetTest.class.getResourceAsStream("/triage/dev.jsonl")) {
            assertThat(in).as("src/test/resources/triage/dev.jsonl").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                examples.add(new Example(node.get("id").asText(), node.get("channel").asText(), node.get("text").asText(),
                        CaseClass.fromWireName(node.get("label").asText()), node.get("representative").asBoolean(),
                        node.get("rep_role").isNull() ? null : node.get("rep_role").asText(),
                        node.get("hazard").asBoolean(), node.get("vulnerability").asBoolean()));
            }
        }
        assertThat(examples).hasSize(90);
        return examples;
    }
}
