package uk.hearth.intake.triage;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import uk.hearth.complaint.CaseClass;

/**
 * What one rule saw: an optional vote for a class with a weight, any flags it raises, and the evidence in
 * words. The rule's id is attached by {@link Triage} when it turns findings into {@link Reason}s.
 *
 * @param vote               the class this evidence points to, or {@code null} for a flag-only finding
 * @param weight             how strongly; see {@link #WEAK} to {@link #DECISIVE} (the combiner's thresholds
 *                           are configurable, these are the shipped values)
 * @param signals            flags raised
 * @param representativeRole set with {@link Signal#REPRESENTATIVE}: family, friend, support_worker, advocate,
 *                           solicitor, councillor, mp or other
 * @param explanation        what was seen, quoting the message
 * @param hazardKind         set with {@link Signal#HAZARD}: what kind, e.g. {@code gas}; may be null
 */
public record Finding(CaseClass vote, int weight, Set<Signal> signals, String representativeRole,
                      String explanation, String hazardKind) {

    /** A hint that needs company to count. */
    public static final int WEAK = 1;
    /** Real evidence, not enough on its own to make a complaint. */
    public static final int MODERATE = 2;
    /** Enough on its own: a complaint or escalation is made out at this weight. */
    public static final int STRONG = 3;
    /** The sender said so in terms ("formal complaint", "stage 2"); beats every implicit signal. */
    public static final int DECISIVE = 10;

    public static final Set<String> ROLES = Set.of(
            "family", "friend", "support_worker", "advocate", "solicitor", "councillor", "mp", "other");

    /** Flags a finding can raise besides its vote. */
    public enum Signal {
        HAZARD,
        VULNERABILITY,
        REPRESENTATIVE,
        /** Survey remarks and councillor/MP enquiries are not complaints unless one is asked for in terms. */
        IMPLICIT_COMPLAINT_EXCLUDED,
        /** An officer should check what the sender wants before the case goes further. */
        NEEDS_CLARIFICATION,
        /** Damp or mould reported in the home: the damp and mould investigation clock starts. */
        DAMP_MOULD,
        /** A reply to a survey: the acknowledgement must say how to complain. */
        SURVEY_REMARK,
        /**
         * The class follows from the Code's definitions (a report about a neighbour is a service request, a petition
         * is not a complaint): the class model does not overrule a decision this finding supports.
         */
        BY_DEFINITION
    }

    public Finding {
        Objects.requireNonNull(explanation, "explanation");
        signals = signals == null || signals.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(signals));
        if (vote != null && weight == 0) {
            throw new IllegalArgumentException("a vote needs a weight");
        }
        if (signals.contains(Signal.REPRESENTATIVE) && !ROLES.contains(representativeRole)) {
            throw new IllegalArgumentException("unknown representative role " + representativeRole);
        }
    }

    public Finding(CaseClass vote, int weight, Set<Signal> signals, String representativeRole, String explanation) {
        this(vote, weight, signals, representativeRole, explanation, null);
    }

    public static Finding vote(CaseClass vote, int weight, String explanation) {
        return new Finding(Objects.requireNonNull(vote), weight, Set.of(), null, explanation, null);
    }

    public static Finding flag(Signal signal, String explanation) {
        return new Finding(null, 0, Set.of(signal), null, explanation, null);
    }

    public static Finding representative(String role, String explanation) {
        return new Finding(null, 0, Set.of(Signal.REPRESENTATIVE), role, explanation, null);
    }

    /** The same finding, also voting for {@code caseClass}. */
    public Finding andVote(CaseClass caseClass, int voteWeight) {
        return new Finding(caseClass, voteWeight, signals, representativeRole, explanation, hazardKind);
    }

    /** The same finding, also raising {@code signal}. */
    public Finding and(Signal signal) {
        EnumSet<Signal> more = signals.isEmpty() ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(signals);
        more.add(signal);
        return new Finding(vote, weight, more, representativeRole, explanation, hazardKind);
    }

    public boolean has(Signal signal) {
        return signals.contains(signal);
    }
}
