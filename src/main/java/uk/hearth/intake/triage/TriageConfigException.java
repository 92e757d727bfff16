package uk.hearth.intake.triage;

/**
 * The triage configuration cannot be used. The message names the file and the entry at fault, so whoever
 * edited it can put it right; the service refuses to start rather than triage with half a policy.
 */
public final class TriageConfigException extends RuntimeException {

    public TriageConfigException(String message) {
        super(message);
    }

    public TriageConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
