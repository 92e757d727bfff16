package uk.hearth.channel.email;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.hearth.message.Attachment;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;
import uk.hearth.message.Sender;

/**
 * A parsed email as Hearth's canonical message, or the reason it cannot be one.
 *
 * <p>The external id the inbox deduplicates on is {@code <content>-<key>}: the key hashes Message-ID, sender,
 * Date and the body as sent, so only a re-delivery of the same mail repeats it (Message-ID alone is reused by
 * some senders and missing from others); the content part hashes what the resident wrote and the files, so the
 * same words sent twice can be found and kept as a suspected duplicate rather than opening a second case.
 */
final class EmailMapping {
    static final ChannelId EMAIL = ChannelId.EMAIL;
    static final String DETAIL_PROBLEMS = "email-problems";
    static final String DETAIL_QUOTE_REMOVED = "quoted-text-removed";
    static final String DETAIL_SUSPECTED_DUPLICATE = "suspected-duplicate-of";
    private static final int CONTENT_HASH_CHARS = 16;

    private EmailMapping() {
    }

    /** Either a message or why the mail was rejected. */
    record Mapped(InboundMessage message, String contentHash, String rejection) {
    }

    static Mapped map(ParsedEmail mail, String source, Instant arrived, String rawHeaders) {
        Notice notice = MachineMail.notice(mail);
        String text = notice == null ? ReplyText.visible(mail.text()) : mail.text().strip();
        boolean noSubject = mail.subject() == null || mail.subject().isBlank();
        if (text.isBlank() && noSubject && mail.attachments().isEmpty()) {
            return new Mapped(null, null, "empty: no text, no subject and no attachment");
        }
        String contentHash = contentHash(mail.fromEmail(), text, mail.attachments());
        Map<String, String> details = new LinkedHashMap<>();
        if (mail.messageId() != null) {
            details.put(InboundMessage.MESSAGE_ID, mail.messageId());
        }
        if (notice == null && text.length() < mail.text().strip().length()) {
            details.put(DETAIL_QUOTE_REMOVED, "quoted reply or signature removed");
        }
        if (!mail.problems().isEmpty()) {
            details.put(DETAIL_PROBLEMS, truncate(String.join("; ", mail.problems()), 500));
        }
        List<String> inReplyTo = notice != null && notice.kind() == Notice.Kind.BOUNCE
                ? MachineMail.bouncedIds(mail) : mail.threadIds();
        InboundMessage message = InboundMessage.builder(EMAIL, contentHash + "-" + key(mail), text,
                        arrived != null ? arrived : mail.date())
                .source(source)
                .sender(new Sender(mail.fromName(), mail.fromEmail(), null))
                .subject(mail.subject() == null ? null : truncate(mail.subject(), 500))
                .raw(rawHeaders)
                .attachments(mail.attachments())
                .inReplyTo(inReplyTo)
                .details(details)
                .notice(notice)
                .build();
        return new Mapped(message, contentHash, null);
    }

    /** What identifies one delivery of one mail. */
    static String key(ParsedEmail mail) {
        String identity = String.join("\n", String.valueOf(mail.messageId()), String.valueOf(mail.fromEmail()),
                mail.date() == null ? "" : String.valueOf(mail.date().getEpochSecond()), mail.rawBodyHash());
        return MimeReader.sha256(identity.getBytes(StandardCharsets.UTF_8)).substring(0, 40);
    }

    static String contentHash(String from, String text, List<Attachment> attachments) {
        StringBuilder content = new StringBuilder(String.valueOf(from)).append('\n')
                .append(text.replaceAll("\\s+", " ").strip());
        for (Attachment a : attachments) {
            content.append('\n').append(a.name()).append(':').append(a.size());
        }
        return MimeReader.sha256(content.toString().getBytes(StandardCharsets.UTF_8)).substring(0, CONTENT_HASH_CHARS);
    }

    /** The header block of a raw message, kept with the message for the record (the body is kept parsed). */
    static String headerBlock(byte[] raw) {
        String text = new String(raw, 0, Math.min(raw.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        if (end < 0 || lf >= 0 && lf < end) {
            end = lf;
        }
        return MailCharsets.fixRawHeader(end < 0 ? text : text.substring(0, end));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
