package uk.hearth.channel.email;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.hearth.channel.spi.InboundEvent;
import uk.hearth.channel.spi.InboundMapper;
import uk.hearth.message.Attachment;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;
import uk.hearth.message.Sender;

/**
 * A parsed email as Hearth's canonical message, or the reason it cannot be one: the email channel's mapper.
 *
 * <p>The external id the inbox deduplicates on is {@code <content>-<key>}: the key hashes Message-ID, sender,
 * Date and the body as sent, so only a re-delivery of the same mail repeats it (Message-ID alone is reused by
 * some senders and missing from others); the content part hashes what the resident wrote and the files, so the
 * same words sent twice can be found and kept as a suspected duplicate rather than opening a second case.
 */
final class EmailMapping implements InboundMapper<EmailMapping.Mail> {
    static final ChannelId EMAIL = ChannelId.EMAIL;
    static final String DETAIL_PROBLEMS = "email-problems";
    static final String DETAIL_QUOTE_REMOVED = "quoted-text-removed";
    static final String DETAIL_SUSPECTED_DUPLICATE = "suspected-duplicate-of";
    private static final int CONTENT_HASH_CHARS = 16;

    /**
     * A mail as the intake route read it from the mailbox.
     *
     * @param mailbox    where it was read (account and folder), kept as the message's source
     * @param rawHeaders the header block as sent, kept with the message for the record
     */
    record Mail(ParsedEmail parsed, String mailbox, String rawHeaders) {
    }

    /**
     * @param arrived when the mailbox received it; null to take the mail's own Date
     * @throws IllegalArgumentException for a mail with nothing in it (no text, no subject, no file): recorded as
     *                                  rejected with this reason and moved to the failed folder
     */
    @Override
    public List<InboundEvent> map(Mail received, Instant arrived) {
        ParsedEmail mail = received.parsed();
        Notice notice = MachineMail.notice(mail);
        String text = notice == null ? ReplyText.visible(mail.text()) : mail.text().strip();
        boolean noSubject = mail.subject() == null || mail.subject().isBlank();
        if (text.isBlank() && noSubject && mail.attachments().isEmpty()) {
            throw new IllegalArgumentException("empty: no text, no subject and no attachment");
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
        return InboundEvent.message(InboundMessage.builder(EMAIL, contentHash + "-" + key(mail), text,
                        arrived != null ? arrived : mail.date())
                .source(received.mailbox())
                .sender(new Sender(mail.fromName(), mail.fromEmail(), null))
                .subject(mail.subject() == null ? null : truncate(mail.subject(), 500))
                .raw(received.rawHeaders())
                .attachments(mail.attachments())
                .inReplyTo(inReplyTo)
                .details(details)
                .notice(notice)
                .build());
    }

    /** What the resident wrote and the files, hashed: the first part of a mapped message's external id. */
    static String contentHash(InboundMessage message) {
        return message.externalId().substring(0, CONTENT_HASH_CHARS);
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
