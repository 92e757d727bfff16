package uk.hearth.intake.triage;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.hearth.complaint.CaseClass;
import uk.hearth.intake.triage.Finding.Signal;
import uk.hearth.intake.triage.TriageText.Span;

/**
 * The commonest shape of rule, configured in {@code rules.yaml}: "when a phrase of this list occurs (in a
 * sentence that also has…, not after…, followed later by…), vote or flag, and quote it". A rule has one or
 * more clauses, tried in order; the first that holds makes the finding, so a rule can say "strong evidence if
 * the promise was broken, weak if it was only made".
 */
final class ListRule implements TriageRule {

    /**
     * @param anchors         lists whose match is quoted; empty means the whole message
     * @param sameSentence    at least one must occur in the anchor's sentence (empty: no condition)
     * @param notSameSentence none may occur in the anchor's sentence, unless one of {@code unlessSameSentence} does
     * @param unlessSameSentence lifts {@code notSameSentence}: "you say it was fixed, but water still comes through"
     * @param inMessage       at least one must occur somewhere in the message
     * @param notInMessage    none may occur in the message
     * @param followedBy      at least one must occur after the anchor, or in its sentence
     * @param notPrecededBy   none may end right where the anchor begins
     * @param maxWords        the message has at most this many words (0: no limit)
     * @param writtenInOtherThan the message is mainly written in none of these languages (empty: no condition);
     *                        the reason names the language it is written in
     */
    record Clause(int[] anchors, int[] sameSentence, int[] notSameSentence, int[] unlessSameSentence,
                  int[] inMessage, int[] notInMessage,
                  int[] followedBy, int[] notPrecededBy, int maxWords, Set<String> writtenInOtherThan,
                  CaseClass vote, int weight, String explain, Set<Signal> signals) {
    }

    /**
     * @param weightPerExtraMatch added for each further, separate match of the anchor (praise said three ways)
     * @param maxWeight           the cap when counting matches
     */
    record Settings(String hazardKind, String representativeRole, int weightPerExtraMatch, int maxWeight) {
    }

    private final String id;
    private final List<Clause> clauses;
    private final Settings settings;

    ListRule(String id, List<Clause> clauses, Settings settings) {
        this.id = id;
        this.clauses = List.copyOf(clauses);
        this.settings = settings;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<Finding> evaluate(TriageText text) {
        for (Clause clause : clauses) {
            Optional<Finding> finding = evaluate(clause, text);
            if (finding.isPresent()) {
                return finding;
            }
        }
        return Optional.empty();
    }

    private Optional<Finding> evaluate(Clause c, TriageText text) {
        if (c.maxWords() > 0 && text.wordCount() > c.maxWords()) {
            return Optional.empty();
        }
        if (!c.writtenInOtherThan().isEmpty() && c.writtenInOtherThan().contains(text.mainLanguage())) {
            return Optional.empty();
        }
        Span companion = null;
        if (c.inMessage().length > 0) {
            companion = firstOf(text, c.inMessage());
            if (companion == null) {
                return Optional.empty();
            }
        }
        if (text.hasAny(c.notInMessage())) {
            return Optional.empty();
        }
        Span anchor = null;
        Span later = null;
        int separate = 0;
        int lastEnd = -1;
        if (c.anchors().length == 0) {
            anchor = text.whole();
            separate = anchor == null ? 0 : 1;
        } else {
            for (int list : c.anchors()) {
                for (int k = 0, n = text.count(list); k < n; k++) {
                    Span candidate = text.span(list, k);
                    Span follower = qualifies(c, text, candidate);
                    if (follower == null) {
                        continue;
                    }
                    if (anchor == null || candidate.start() < anchor.start()) {
                        anchor = candidate;
                        later = follower == candidate ? null : follower;
                    }
                    if (candidate.start() >= lastEnd) {
                        separate++;
                        lastEnd = candidate.end();
                    }
                }
            }
        }
        if (anchor == null) {
            return Optional.empty();
        }
        int weight = c.weight();
        if (settings.weightPerExtraMatch() > 0 && separate > 1) {
            weight = Math.min(weight + settings.weightPerExtraMatch() * (separate - 1), settings.maxWeight());
        }
        StringBuilder why = new StringBuilder(c.explain());
        if (!c.writtenInOtherThan().isEmpty()) {
            why.append(" (").append(text.mainLanguageName()).append(')');
        }
        if (settings.weightPerExtraMatch() > 0 && separate > 1) {
            why.append(" (").append(separate).append(" times)");
        }
        why.append(": '").append(text.quote(anchor)).append('\'');
        for (Span more : new Span[] {later, companion}) {
            if (more != null && text.sentenceOf(more) != text.sentenceOf(anchor)) {
                why.append(" and '").append(text.quote(more)).append('\'');
            }
        }
        Set<Signal> signals = c.signals().isEmpty() ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(c.signals());
        if (settings.hazardKind() != null) {
            signals.add(Signal.HAZARD);
        }
        if (settings.representativeRole() != null) {
            signals.add(Signal.REPRESENTATIVE);
        }
        return Optional.of(new Finding(c.vote(), c.vote() == null ? 0 : weight, signals, settings.representativeRole(),
                why.toString(), settings.hazardKind()));
    }

    /** Null if the candidate fails a condition; else the match that followed it, or the candidate itself. */
    private static Span qualifies(Clause c, TriageText text, Span candidate) {
        if (c.sameSentence().length > 0 && !anyInSentence(text, c.sameSentence(), candidate)) {
            return null;
        }
        if (anyInSentence(text, c.notSameSentence(), candidate)
                && !anyInSentence(text, c.unlessSameSentence(), candidate)) {
            return null;
        }
        for (int list : c.notPrecededBy()) {
            if (text.precededBy(list, candidate)) {
                return null;
            }
        }
        if (c.followedBy().length == 0) {
            return candidate;
        }
        for (int list : c.followedBy()) {
            Span after = text.after(list, candidate);
            if (after != null) {
                return after;
            }
        }
        return null;
    }

    private static boolean anyInSentence(TriageText text, int[] lists, Span span) {
        for (int list : lists) {
            if (text.inSentence(list, span) != null) {
                return true;
            }
        }
        return false;
    }

    private static Span firstOf(TriageText text, int[] lists) {
        Span first = null;
        for (int list : lists) {
            Span s = text.first(list);
            if (s != null && (first == null || s.start() < first.start())) {
                first = s;
            }
        }
        return first;
    }

    @Override
    public String toString() {
        return "TriageRule[" + id + "]";
    }
}
