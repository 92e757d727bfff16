package uk.hearth.channel.email;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.hearth.message.Attachment;

/**
 * What a raw email says, read once: its identity, its thread headers, the text a person wrote (not yet stripped
 * of quotes) and its files. Header names in {@link #headers} are lower case; values are raw (undecoded).
 *
 * @param messageId         the Message-ID with its angle brackets, or null when the mail has none
 * @param date              the Date header, else the server's arrival time
 * @param textFromHtml      true when there was no plain text and the text was read from HTML
 * @param reportType        the report-type of a multipart/report (delivery-status, disposition-notification)
 * @param originalMessageIds Message-IDs of the message a report returns (its attached headers), for bounces
 * @param deliveryStatus    the machine-readable part of a delivery report (Action, Status, Diagnostic-Code)
 * @param rawBodyHash       SHA-256 of the body as sent (after the header block, line endings normalised)
 * @param problems          what could not be read and how it was worked around, for the audit trail
 */
record ParsedEmail(String messageId, String fromName, String fromEmail, String subject, Instant date,
                   List<String> inReplyTo, List<String> references, String text, boolean textFromHtml,
                   List<Attachment> attachments, Map<String, List<String>> headers, String contentType,
                   String reportType, List<String> originalMessageIds, String deliveryStatus, String rawBodyHash, List<String> problems) {

    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0).strip();
    }

    boolean hasHeader(String name) {
        return headers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** In-Reply-To then References, without repeats: every message this one answers. */
    List<String> threadIds() {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>(inReplyTo);
        ids.addAll(references);
        return List.copyOf(ids);
    }
}
