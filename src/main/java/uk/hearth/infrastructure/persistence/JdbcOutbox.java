package uk.hearth.infrastructure.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import uk.hearth.complaint.Outbox;
import uk.hearth.message.ChannelId;
import uk.hearth.message.OutboundReply;

/**
 * The outbox table. Claiming is an atomic conditional UPDATE per row, so two nodes dispatching at
 * once never send the same message twice; a claim left by a node that died is taken over after
 * {@code claimTimeout}.
 */
@Repository
public class JdbcOutbox implements Outbox {
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Pending(long id, long caseId, String kind, OutboundReply reply, int attempts) {
    }

    @Override
    public long enqueue(long caseId, String kind, OutboundReply reply) {
        return insert(caseId, kind, reply, "PENDING");
    }

    @Override
    public long recordManual(long caseId, String kind, OutboundReply reply) {
        return insert(caseId, kind, reply, "MANUAL_DUE");
    }

    private long insert(long caseId, String kind, OutboundReply reply, String status) {
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into outbound_message (case_id, kind, channel, recipient, subject, body, status, attempts,
                    next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(caseId, kind, reply.channel().value(), reply.recipient(), Sql.truncate(reply.subject(), 500),
                        reply.body(), status, Sql.ts(now), Sql.ts(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Claim up to {@code limit} due messages for this node. */
    public List<Pending> claimDue(int limit, Duration claimTimeout) {
        Instant now = clock.instant();
        List<Long> candidates = jdbc.sql("""
                select id from outbound_message
                where (status = 'PENDING' and next_attempt_at <= :now)
                   or (status = 'SENDING' and claimed_at < :stale)
                order by id fetch first %d rows only""".formatted(limit))
                .param("now", Sql.ts(now))
                .param("stale", Sql.ts(now.minus(claimTimeout)))
                .query(Long.class).list();
        List<Pending> claimed = new ArrayList<>();
        for (Long id : candidates) {
            int won = jdbc.sql("""
                    update outbound_message set status = 'SENDING', claimed_at = :now
                    where id = :id and ((status = 'PENDING' and next_attempt_at <= :now)
                                     or (status = 'SENDING' and claimed_at < :stale))""")
                    .param("now", Sql.ts(now))
                    .param("stale", Sql.ts(now.minus(claimTimeout)))
                    .param("id", id)
                    .update();
            if (won == 1) {
                claimed.add(load(id));
            }
        }
        return claimed;
    }

    private Pending load(long id) {
        return jdbc.sql("select * from outbound_message where id = ?").param(id)
                .query((rs, row) -> new Pending(rs.getLong("id"), rs.getLong("case_id"), rs.getString("kind"),
                        new OutboundReply(ChannelId.of(rs.getString("channel")), rs.getString("recipient"),
                                rs.getString("subject"), rs.getString("body")),
                        rs.getInt("attempts")))
                .single();
    }

    public void markSent(long id) {
        jdbc.sql("update outbound_message set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null "
                        + "where id = ?")
                .params(Sql.ts(clock.instant()), id).update();
    }

    /** @param nextAttempt null when this was the last try: the message is then FAILED for good */
    public void markAttemptFailed(long id, String error, Instant nextAttempt) {
        jdbc.sql("""
                update outbound_message set attempts = attempts + 1, last_error = :error, claimed_at = null,
                    status = :status, next_attempt_at = coalesce(:next, next_attempt_at)
                where id = :id""")
                .param("error", Sql.truncate(error, 1000))
                .param("status", nextAttempt == null ? "FAILED" : "PENDING")
                .param("next", Sql.ts(nextAttempt))
                .param("id", id)
                .update();
    }
}
