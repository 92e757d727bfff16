package uk.hearth.infrastructure.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import uk.hearth.config.HearthProperties;
import uk.hearth.intake.Inbox;
import uk.hearth.intake.Processed;
import uk.hearth.intake.StoredInbound;
import uk.hearth.message.Attachment;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;
import uk.hearth.message.OnBehalfOf;
import uk.hearth.message.Sender;

@Repository
class JdbcInbox implements Inbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private static final String INSERT = """
            insert into inbound_message (channel, source, external_id, message_id, received_at, stored_at,
                sender_name, sender_email, sender_phone, sender_handle,
                on_behalf_name, on_behalf_address, on_behalf_relationship, on_behalf_tenancy,
                preferred_contact, subject, body, language, made_via, raw, in_reply_to, details, notice, notice_detail,
                status, attempts, next_attempt_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', 0, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration recoveryGrace;

    /**
     * A message just stored is processed by the node that stored it, straight away; the recovery job leaves it
     * alone for the first retry delay ({@code hearth.intake.first-delay}), so it does not take up messages that are
     * only waiting their turn in a burst (and does not compete with the webhooks for the CPU while it lasts).
     */
    JdbcInbox(JdbcTemplate jdbcTemplate, TransactionTemplate transactions, Clock clock, HearthProperties properties) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.jdbcTemplate = jdbcTemplate;
        this.recoveryGrace = properties.intake().firstDelay();
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The message and its attachments commit together in a transaction of their own; a duplicate is looked up
     * after that transaction has rolled back (on PostgreSQL a failed statement poisons its transaction).
     */
    @Override
    public Receipt accept(InboundMessage m) {
        try {
            // Without attachments the insert is one statement: its own commit is enough, and saves a round trip.
            long id = m.attachments().isEmpty() ? insert(m) : transactions.execute(status -> insert(m));
            return new Receipt(id, false);
        } catch (DuplicateKeyException duplicate) {
            long id = jdbc.sql("select id from inbound_message where channel = ? and source = ? and external_id = ?")
                    .params(m.channel().value(), m.source(), m.externalId())
                    .query(Long.class).single();
            return new Receipt(id, true);
        }
    }

    /**
     * One transaction for the lot, the messages inserted as one JDBC batch. A message twice in the list is stored
     * once; one stored before (a provider's retry, or another node) fails the whole batch with a duplicate key and
     * rolls it back, so the caller falls back to {@link #accept} one by one. Duplicates are rare, so they are not
     * looked up first: that lookup would cost every batch a query.
     */
    @Override
    public List<Receipt> acceptAll(List<InboundMessage> messages) {
        if (messages.size() <= 1) {
            return messages.stream().map(this::accept).toList();
        }
        return transactions.execute(status -> insertAll(messages));
    }

    private List<Receipt> insertAll(List<InboundMessage> messages) {
        Map<List<String>, Integer> firstInBatch = new HashMap<>();
        List<InboundMessage> fresh = new ArrayList<>();
        for (InboundMessage m : messages) {
            if (firstInBatch.putIfAbsent(key(m), fresh.size()) == null) {
                fresh.add(m);
            }
        }
        Instant now = clock.instant();
        List<Object[]> rows = fresh.stream().map(m -> values(m, now, recoveryGrace)).toList();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbcTemplate.batchUpdate(con -> con.prepareStatement(INSERT, new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int row) throws SQLException {
                        Object[] values = rows.get(row);
                        for (int i = 0; i < values.length; i++) {
                            StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != fresh.size()) {
            throw new IllegalStateException("the database returned " + generated.size() + " ids for "
                    + fresh.size() + " inserted messages");
        }
        long[] ids = new long[fresh.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = generatedId(generated.get(i));
            insertAttachments(ids[i], fresh.get(i).attachments());
        }
        List<Receipt> receipts = new ArrayList<>(messages.size());
        Set<List<String>> answered = new HashSet<>();
        for (InboundMessage m : messages) {
            List<String> key = key(m);
            receipts.add(new Receipt(ids[firstInBatch.get(key)], !answered.add(key)));
        }
        return receipts;
    }

    private static List<String> key(InboundMessage m) {
        return List.of(m.channel().value(), m.source(), m.externalId());
    }

    /** H2 and PostgreSQL name the generated column differently ("ID", "id"); there is only one. */
    private static long generatedId(Map<String, Object> key) {
        Object id = key.size() == 1 ? key.values().iterator().next() : key.get("id");
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("no generated id among " + key.keySet());
        }
        return number.longValue();
    }

    private long insert(InboundMessage m) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT).params(values(m, clock.instant(), recoveryGrace)).update(key, "id");
        long id = key.getKey().longValue();
        insertAttachments(id, m.attachments());
        return id;
    }

    private void insertAttachments(long id, List<Attachment> files) {
        for (int i = 0; i < files.size(); i++) {
            Attachment a = files.get(i);
            jdbc.sql("""
                    insert into inbound_attachment (inbound_id, position, name, content_type, size_bytes, url, content,
                        note) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, i, Sql.truncate(a.name(), 500), Sql.truncate(a.contentType(), 200), a.size(),
                            Sql.truncate(a.url(), 2000), a.content(), Sql.truncate(a.note(), 500))
                    .update();
        }
    }

    /** The parameters of {@link #INSERT}, in its order. */
    private static Object[] values(InboundMessage m, Instant now, Duration recoveryGrace) {
        OnBehalfOf tenant = m.onBehalfOf();
        return new Object[] {
                m.channel().value(), m.source(), m.externalId(), Sql.truncate(m.messageId(), 998),
                Sql.ts(m.receivedAt()), Sql.ts(now),
                m.sender().name(), m.sender().email(), m.sender().phone(), m.sender().handle(),
                tenant == null ? null : tenant.name(), tenant == null ? null : tenant.address(),
                tenant == null ? null : tenant.relationship(), tenant == null ? null : tenant.tenancyReference(),
                m.preferredContact() == null ? null : m.preferredContact().value(),
                m.subject(), m.text(), m.language(), m.madeVia(), m.raw(),
                m.inReplyTo().isEmpty() ? null : Sql.truncate(String.join("\n", m.inReplyTo()), 4000),
                m.details().isEmpty() ? null : json(m.details()),
                m.notice() == null ? null : m.notice().kind().name(),
                m.notice() == null ? null : Sql.truncate(m.notice().detail(), 1000),
                Sql.ts(now.plus(recoveryGrace))};
    }

    @Override
    public Optional<StoredInbound> lock(long id) {
        // Whether the message has files comes with it: most have none, and then they are not looked up.
        return jdbc.sql("""
                select m.*, exists (select 1 from inbound_attachment a where a.inbound_id = m.id) as has_attachments
                from inbound_message m where m.id = ? for update""")
                .param(id).query((rs, row) -> stored(rs, rs.getBoolean("has_attachments"))).optional();
    }

    @Override
    public void markProcessed(long id, Long caseId, Processed.Outcome outcome) {
        jdbc.sql("update inbound_message set status = 'PROCESSED', case_id = ?, outcome = ?, last_error = null"
                        + " where id = ?")
                .params(caseId, outcome.name(), id).update();
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
    public Optional<InboundMessage> openingMessage(long caseId) {
        return jdbc.sql("select * from inbound_message where case_id = ? and outcome = 'OPENED' order by id"
                        + " fetch first 1 rows only")
                .param(caseId).query(this::stored).optional().map(StoredInbound::message);
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from inbound_message where status = 'RECEIVED' and next_attempt_at <= ?
                order by id fetch first %d rows only""".formatted(limit))
                .param(Sql.ts(now)).query(Long.class).list();
    }

    private StoredInbound stored(ResultSet rs, int row) throws SQLException {
        return stored(rs, true);
    }

    private StoredInbound stored(ResultSet rs, boolean hasAttachments) throws SQLException {
        long id = rs.getLong("id");
        String tenantName = rs.getString("on_behalf_name");
        String relationship = rs.getString("on_behalf_relationship");
        OnBehalfOf tenant = tenantName == null && relationship == null ? null
                : new OnBehalfOf(tenantName, rs.getString("on_behalf_address"), relationship,
                        rs.getString("on_behalf_tenancy"));
        String preferred = rs.getString("preferred_contact");
        String inReplyTo = rs.getString("in_reply_to");
        String notice = rs.getString("notice");
        InboundMessage message = InboundMessage.builder(ChannelId.of(rs.getString("channel")),
                        rs.getString("external_id"), rs.getString("body"), Sql.instant(rs, "received_at"))
                .source(rs.getString("source"))
                .sender(new Sender(rs.getString("sender_name"), rs.getString("sender_email"),
                        rs.getString("sender_phone"), rs.getString("sender_handle")))
                .onBehalfOf(tenant)
                .preferredContact(preferred == null ? null : ChannelId.of(preferred))
                .subject(rs.getString("subject"))
                .language(rs.getString("language"))
                .madeVia(rs.getString("made_via"))
                .raw(rs.getString("raw"))
                .inReplyTo(inReplyTo == null ? List.of() : Arrays.asList(inReplyTo.split("\n")))
                .details(details(rs.getString("details"), rs.getString("message_id"), rs.getString("external_id")))
                .notice(notice == null ? null : new Notice(Notice.Kind.valueOf(notice), rs.getString("notice_detail")))
                .attachments(hasAttachments ? attachments(id) : List.of())
                .build();
        long caseId = rs.getLong("case_id");
        Long caseOrNull = rs.wasNull() ? null : caseId;
        String outcome = rs.getString("outcome");
        return new StoredInbound(id, message, StoredInbound.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), caseOrNull, outcome == null ? null : Processed.Outcome.valueOf(outcome));
    }

    /** What the case needs of the files: their description, not their bytes. */
    private List<Attachment> attachments(long inboundId) {
        return jdbc.sql("""
                select name, content_type, size_bytes, url, note from inbound_attachment
                where inbound_id = ? order by position""")
                .param(inboundId)
                .query((rs, row) -> new Attachment(rs.getString("name"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getString("url"), null, rs.getString("note")))
                .list();
    }

    private static Map<String, String> details(String json, String messageId, String externalId) {
        Map<String, String> details = new java.util.HashMap<>();
        if (json != null) {
            try {
                details.putAll(JSON.readValue(json, DETAILS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("inbound details are not JSON: " + e.getOriginalMessage(), e);
            }
        }
        if (messageId != null && !messageId.equals(externalId)) {
            details.put(InboundMessage.MESSAGE_ID, messageId);
        }
        return details;
    }

    private static String json(Map<String, String> details) {
        try {
            return Sql.truncate(JSON.writeValueAsString(details), 4000);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("details cannot be written as JSON", e);
        }
    }
}
