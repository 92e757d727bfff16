package uk.hearth.intake.triage;

import java.util.regex.Pattern;

import uk.hearth.complaint.CaseClass;
import uk.hearth.intake.triage.Finding.Signal;

/** Factories for the commonest shape of rule: "if this phrase is present, vote or flag, and quote it". */
final class Rules {

    private Rules() {
    }

    /** Votes for {@code vote} when {@code pattern} occurs anywhere in the message. */
    static TriageRule phrase(String id, CaseClass vote, int weight, String what, Pattern pattern) {
        return TriageRule.of(id, text -> text.find(pattern)
                .map(m -> Finding.vote(vote, weight, quoting(what, m))));
    }

    /** Votes for {@code vote} when {@code pattern} occurs in a sentence that does not contain {@code unless}. */
    static TriageRule phraseUnless(String id, CaseClass vote, int weight, String what, Pattern pattern,
                                   Pattern unless) {
        return TriageRule.of(id, text -> text.findWithout(pattern, unless)
                .map(m -> Finding.vote(vote, weight, quoting(what, m))));
    }

    /** Raises {@code signal} when {@code pattern} occurs anywhere in the message. */
    static TriageRule flag(String id, Signal signal, String what, Pattern pattern) {
        return TriageRule.of(id, text -> text.find(pattern)
                .map(m -> Finding.flag(signal, quoting(what, m))));
    }

    static String quoting(String what, TriageText.Match m) {
        return what + ": '" + m.quote() + "'";
    }
}
