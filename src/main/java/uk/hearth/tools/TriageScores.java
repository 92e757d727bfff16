package uk.hearth.tools;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import uk.hearth.complaint.CaseClass;
import uk.hearth.intake.triage.TriageDecision;
import uk.hearth.tools.TriageEvaluation.Example;

/**
 * How triage did on a labelled set: per-class precision, recall and F1, flag precision and recall, and the
 * one-line summary scripts read. Used by {@code triage-eval} and by the tests that hold triage to floors.
 */
public record TriageScores(List<Scored> scored, Map<CaseClass, ClassScore> classes, FlagScore hazard,
                           FlagScore representative, FlagScore vulnerability, long rolesRight, long rolesCompared) {

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

    public static TriageScores of(List<Example> examples, List<TriageDecision> decisions) {
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
        return new TriageScores(scored, classes,
                flag(scored, "hazard", s -> s.example().hazard(), s -> s.decision().hazard()),
                flag(scored, "representative", s -> s.example().representative(), s -> s.decision().representative()),
                flag(scored, "vulnerability", s -> s.example().vulnerability(), s -> s.decision().vulnerability()),
                rolesRight, bothRepresentative);
    }

    private static FlagScore flag(List<Scored> scored, String name, Predicate<Scored> expected, Predicate<Scored> got) {
        return new FlagScore(name, scored.stream().filter(s -> expected.test(s) && got.test(s)).count(),
                scored.stream().filter(got).count(), scored.stream().filter(expected).count());
    }

}
