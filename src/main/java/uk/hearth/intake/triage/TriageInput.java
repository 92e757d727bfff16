package uk.hearth.intake.triage;

/**
 * What triage reads: the message text as received, plus what the channel told us about the sender.
 *
 * @param text                   the message body; may be empty, never trusted to be tidy
 * @param subject                an email subject or form title, or {@code null}
 * @param channel                e.g. {@code web}, {@code email}, {@code sms}, {@code whatsapp}, {@code staff}, {@code api}
 * @param declaredRepresentative the sender said (on a form or to staff) that they act for the tenant
 * @param declaredRelationship   how the sender described themselves, e.g. {@code daughter}, or {@code null}
 * @param language               the language the sender chose, e.g. {@code cy} on the Welsh form, or {@code null};
 *                               a hint only: triage also recognises Welsh from the words
 * @param askedWhoIsWriting      the sender was asked whether they write for someone else (the resident and staff
 *                               forms ask): their answer stands, and no model second-guesses it
 */
public record TriageInput(String text, String subject, String channel,
                          boolean declaredRepresentative, String declaredRelationship, String language,
                          boolean askedWhoIsWriting) {

    public TriageInput {
        text = text == null ? "" : text;
    }

    /** A message from a channel that does not ask whether the sender writes for someone else. */
    public TriageInput(String text, String subject, String channel, boolean declaredRepresentative,
                       String declaredRelationship, String language) {
        this(text, subject, channel, declaredRepresentative, declaredRelationship, language, false);
    }

    public TriageInput(String text, String subject, String channel, boolean declaredRepresentative,
                       String declaredRelationship) {
        this(text, subject, channel, declaredRepresentative, declaredRelationship, null);
    }

    /** A message with nothing but its text, as most tests and channels need. */
    public static TriageInput of(String text, String channel) {
        return new TriageInput(text, null, channel, false, null, null);
    }
}
