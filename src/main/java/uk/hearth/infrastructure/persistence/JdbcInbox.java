package uk.hearth.infrastructure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import uk.hearth.intake.Inbox;
import uk.hearth.intake.StoredInbound;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.OnBehalfOf;
import uk.hearth.message.Sender;

@Repository
class JdbcInbox implements Inbox {
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs outside any transaction: a duplicate key must not poison a surrounding PostgreSQL transaction. */
    @Override
    public Receipt accept(InboundMessage m) {
        Instant now = clock.instant();
        OnBehalfOf tenant = m.onBehalfOf();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into inbound_message (channel, source, external_id, received_at, stored_at,
                        sender_name, sender_email, sender_phone, sender_handle,
                        on_behalf_name, on_behalf_address, on_behalf_relationship, preferred_contact,
                        subject, body, language, made_via, raw, status, attempts, next_attempt_at)
                    values (:channel, :source, :externalId, :receivedAt, :storedAt,
                        :senderName, :senderEmail, :senderPhone, :senderHandle,
                        :tenantName, :tenantAddress, :relationship, :preferred,
                        :subject, :body, :language, :madeVia, :raw, 'RECEIVED', 0, :storedAt)""")
                    .param("channel", m.channel().value())
                    .param("source", m.source())
                    .param("externalId", m.externalId())
                    .param("receivedAt", Sql.ts(m.receivedAt()))
                    .param("storedAt", Sql.ts(now))
                    .param("senderName", m.sender().name())
                    .param("senderEmail", m.sender().email())
                    .param("senderPhone", m.sender().phone())
                    .param("senderHandle", m.sender().handle())
                    .param("tenantName", tenant == null ? null : tenant.name())
                    .param("tenantAddress", tenant == null ? null : tenant.address())
                    .param("relationship", tenant == null ? null : tenant.relationship())
                    .param("preferred", m.preferredContact() == null ? null : m.preferredContact().value())
                    .param("subject", m.subject())
                    .param("body", m.text())
                    .param("language", m.language())
                    .param("madeVia", m.madeVia())
                    .param("raw", m.raw())
                    .update(key, "id");
            return new Receipt(key.getKey().longValue(), false);
        } catch (DuplicateKeyException duplicate) {
            long id = jdbc.sql("select id from inbound_message where channel = ? and source = ? and external_id = ?")
                    .params(m.channel().value(), m.source(), m.externalId())
                    .query(Long.class).single();
            return new Receipt(id, true);
        }
    }

    @Override
    public Optional<StoredInbound> lock(long id) {
        return jdbc.sql("select * from inbound_message where id = ? for update")
                .param(id).query(JdbcInbox::stored).optional();
    }

    @Override
    public void markProcessed(long id, long caseId) {
        jdbc.sql("update inbound_message set status = 'PROCESSED', case_id = ?, last_error = null where id = ?")
                .params(caseId, id).update();
    }

    @Override
    public void recordFailure(long id, String error, Instant nextAttempt) {
        jdbc.sql("""
                update inbound_message set attempts = attempts + 1, last_error = :error,
                    status = :status, next_attempt_at = coalesce(:next, next_attempt_at)
                where id = :id and status = 'RECEIVED'""")
                .param("error", Sql.truncate(error, 1000))
                .param("status", nextAttempt == null ? "FAILED" : "RECEIVED")
                .param("next", Sql.ts(nextAttempt))
                .param("id", id)
                .update();
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from inbound_message where status = 'RECEIVED' and next_attempt_at <= ?
                order by id fetch first %d rows only""".formatted(limit))
                .param(Sql.ts(now)).query(Long.class).list();
    }

    private static StoredInbound stored(ResultSet rs, int row) throws SQLException {
        String tenantName = rs.getString("on_behalf_name");
        String relationship = rs.getString("on_behalf_relationship");
        OnBehalfOf tenant = tenantName == null && relationship == null ? null
                : new OnBehalfOf(tenantName, rs.getString("on_behalf_address"), relationship);
        String preferred = rs.getString("preferred_contact");
        InboundMessage message = new InboundMessage(ChannelId.of(rs.getString("channel")), rs.getString("source"),
                rs.getString("external_id"),
                new Sender(rs.getString("sender_name"), rs.getString("sender_email"), rs.getString("sender_phone"),
                        rs.getString("sender_handle")),
                tenant, preferred == null ? null : ChannelId.of(preferred), rs.getString("subject"),
                rs.getString("body"), Sql.instant(rs, "received_at"), rs.getString("language"),
                rs.getString("made_via"), rs.getString("raw"));
        long caseId = rs.getLong("case_id");
        return new StoredInbound(rs.getLong("id"), message, StoredInbound.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.wasNull() ? null : caseId);
    }
}
