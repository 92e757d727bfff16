package uk.hearth.complaint;

/** A change a case's present state does not allow (a second stage 2, an extension beyond the policy's limit). */
public class CaseConflict extends RuntimeException {
    public CaseConflict(String message) {
        super(message);
    }
}
