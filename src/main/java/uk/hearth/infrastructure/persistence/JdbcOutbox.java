package uk.hearth.infrastructure.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
                insert into outbound_message (case_id, kind, channel, recipient, subject, body, in_reply_to, status,
                    attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(caseId, kind, reply.channel().value(), reply.recipient(), Sql.truncate(reply.subject(), 500),
                        reply.body(), Sql.truncate(reply.inReplyTo(), 998), status, Sql.ts(now), Sql.ts(now))
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
                                rs.getString("subject"), rs.getString("body"), rs.getString("in_reply_to")),
                        rs.getInt("attempts")))
                .single();
    }

    /** @param providerId the provider's id for the sent message (Twilio SID, our Message-ID), or null */
    public void markSent(long id, String providerId) {
        jdbc.sql("""
                update outbound_message set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null,
                    provider_id = coalesce(?, provider_id), delivery_state = coalesce(delivery_state, 'sent')
                where id = ?""")
                .params(Sql.ts(clock.instant()), Sql.truncate(providerId, 998), id).update();
    }

    /** The channel cannot send for now (not the message's fault): wait without using up an attempt. */
    public void postpone(long id, String why, Instant until) {
        jdbc.sql("update outbound_message set status = 'PENDING', claimed_at = null, last_error = ?, next_attempt_at = ?"
                        + " where id = ?")
                .params(Sql.truncate(why, 1000), Sql.ts(until), id).update();
    }

    /** A permanent refusal (an opt-out, a revoked token): FAILED now, no further attempt. */
    public void markRefused(long id, String error) {
        jdbc.sql("""
                update outbound_message set attempts = attempts + 1, last_error = ?, claimed_at = null,
                    status = 'FAILED', delivery_state = 'failed'
                where id = ?""")
                .params(Sql.truncate(error, 1000), id).update();
    }

    /**
     * What the provider later says about a message it accepted (delivered, read, undelivered).
     *
     * @return the case and outbound ids of the message, when the provider id is one of ours
     */
    public Optional<Pending> recordDelivery(String providerId, String state, String error) {
        List<Long> ids = jdbc.sql("select id from outbound_message where provider_id = ?").param(providerId)
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        boolean failed = "failed".equals(state) || "undelivered".equals(state);
        jdbc.sql("""
                update outbound_message set delivery_state = ?, delivery_error = ?,
                    status = case when ? then 'FAILED' else status end
                where id = ?""")
                .params(state, Sql.truncate(error, 500), failed, ids.get(0)).update();
        return Optional.of(load(ids.get(0)));
    }

    @Override
    public int markManualSent(long caseId, String kind, Instant sentAt) {
        return jdbc.sql("""
                update outbound_message set status = 'SENT', sent_at = ?, delivery_state = 'sent'
                where case_id = ? and kind = ? and status = 'MANUAL_DUE'""")
                .params(Sql.ts(sentAt), caseId, kind).update();
    }

    @Override
    public int cancelPending(long caseId, String recipient, String why) {
        return jdbc.sql("""
                update outbound_message set status = 'CANCELLED', last_error = ?, claimed_at = null
                where case_id = ? and recipient = ? and status in ('PENDING', 'MANUAL_DUE')""")
                .params(Sql.truncate(why, 1000), caseId, recipient).update();
    }

    @Override
    public Optional<Long> markUndeliverable(Collection<String> providerIds, String why) {
        for (String providerId : providerIds) {
            Optional<Pending> ours = recordDelivery(providerId, "undelivered", why);
            if (ours.isPresent()) {
                return Optional.of(ours.get().caseId());
            }
        }
        return Optional.empty();
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
