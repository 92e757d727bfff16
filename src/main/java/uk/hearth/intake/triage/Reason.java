package uk.hearth.intake.triage;

/**
 * Why triage decided something, in words a complaints officer can check against the message.
 *
 * @param rule        a stable kebab-case rule id, e.g. {@code missed-appointment}
 * @param explanation what the rule saw, quoting the evidence
 */
public record Reason(String rule, String explanation) {
}
