package uk.hearth.complaint;

/** Why a case was classified or flagged as it was: a rule's id and its evidence in plain words. */
public record CaseReason(String rule, String explanation) {
}
