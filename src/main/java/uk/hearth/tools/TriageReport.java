package uk.hearth.tools;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import uk.hearth.complaint.CaseClass;
import uk.hearth.intake.triage.Reason;
import uk.hearth.intake.triage.TriageDecision;
import uk.hearth.tools.TriageEvaluation.Timing;
import uk.hearth.tools.TriageScores.ClassScore;
import uk.hearth.tools.TriageScores.FlagScore;
import uk.hearth.tools.TriageScores.Scored;

/** The report {@code triage-eval} prints; its last line is always {@link TriageScores#summaryLine()}. */
public final class TriageReport {

    private TriageReport() {
    }

    /** The report; its last line is {@link Scores#summaryLine()}. */
    public static void print(TriageScores scores, Timing timing, Path file, PrintStream out) {
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
                flagMisses.add("      rules: " + rules(s.decision()));
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
