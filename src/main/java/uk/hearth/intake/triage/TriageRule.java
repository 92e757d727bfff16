package uk.hearth.intake.triage;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One small, named piece of triage policy. It looks at the message and either says nothing or returns a
 * {@link Finding}: a vote for a class, a flag, or both, with the evidence. Adding a rule means adding one
 * entry to {@link Triage#standard()}.
 */
public interface TriageRule {

    /** Stable kebab-case id, shown to officers in {@link Reason#rule()}. */
    String id();

    Optional<Finding> evaluate(TriageText text);

    /** A rule from an id and a function, for rules that fit in a few lines. */
    static TriageRule of(String id, Function<TriageText, Optional<Finding>> body) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        return new TriageRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Optional<Finding> evaluate(TriageText text) {
                return body.apply(text);
            }

            @Override
            public String toString() {
                return "TriageRule[" + id + "]";
            }
        };
    }
}
