package uk.hearth.channel.email;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The email channel's own reads and writes: earlier mails, rejected mails, replies sent to an address. */
final class EmailStore {
    private final JdbcClient jdbc;

    EmailStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An earlier stored mail with the same words and files from the same sender. */
    record Earlier(long inboundId, String messageId, Long caseId) {
    }

    Optional<Earlier> sameContent(String senderEmail, String contentHash, String exceptExternalId, Instant since) {
        if (senderEmail == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, message_id, case_id, external_id from inbound_message
                where channel = 'email' and sender_email = ? and received_at >= ? and notice is null
                order by id""")
                .params(senderEmail, Timestamp.from(since))
                .query((rs, row) -> rs.getString("external_id").startsWith(contentHash + "-")
                        && !rs.getString("external_id").equals(exceptExternalId)
                        ? new Earlier(rs.getLong("id"), rs.getString("message_id"),
                        rs.getObject("case_id") == null ? null : rs.getLong("case_id")) : null)
                .list().stream().filter(e -> e != null).findFirst();
    }

    Optional<Long> caseOf(long inboundId) {
        return jdbc.sql("select case_id from inbound_message where id = ?").param(inboundId)
                .query((rs, row) -> rs.getObject("case_id") == null ? null : rs.getLong("case_id"))
                .optional();
    }

    void reject(String mailbox, ParsedEmail mail, String reason, byte[] raw, Instant at) {
        jdbc.sql("""
                insert into email_rejection (mailbox, message_id, sender_email, subject, reason, size_bytes, raw,
                    rejected_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(truncate(mailbox, 400), mail == null ? null : truncate(mail.messageId(), 998),
                        mail == null ? null : truncate(mail.fromEmail(), 320),
                        mail == null ? null : truncate(mail.subject(), 500), truncate(reason, 1000), raw.length, raw,
                        Timestamp.from(at))
                .update();
    }

    /** Automatic replies already sent to an address since a time (for the cap). */
    int sentTo(String recipient, Instant since) {
        return jdbc.sql("""
                select count(*) from outbound_message
                where channel = 'email' and lower(recipient) = lower(?) and status = 'SENT' and sent_at >= ?""")
                .params(recipient, Timestamp.from(since)).query(Integer.class).single();
    }

    /** The resident's mail a reply answers: its subject and the thread it was in, for Re: and References. */
    record Answered(String subject, List<String> thread) {
    }

    Optional<Answered> answered(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select subject, in_reply_to from inbound_message where channel = 'email' and message_id = ?
                order by id fetch first 1 rows only""")
                .param(messageId)
                .query((rs, row) -> new Answered(rs.getString("subject"), rs.getString("in_reply_to") == null
                        ? List.of() : Arrays.asList(rs.getString("in_reply_to").split("\n"))))
                .optional();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
