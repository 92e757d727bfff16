package uk.hearth.infrastructure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read side for staff and integrators: a case with its reasons, messages and audit trail. */
@Repository
public class CaseQueries {
    private final JdbcClient jdbc;

    CaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CaseView(String reference, @JsonProperty("class") String caseClass, int stage, String status, String channel,
                           String preferredContact, String language, Person contact, Tenant tenant, Flags flags,
                           List<Reason> reasons, Deadlines deadlines, Consent consent, Instant receivedAt,
                           String policy, List<Message> messages, List<Event> events) {
    }

    public record Person(String name, String email, String phone) {
    }

    public record Tenant(String name, String address, String relationship) {
    }

    public record Flags(boolean hazard, boolean vulnerability, boolean representative, String representativeRole,
                        boolean needsClarification) {
    }

    public record Reason(String rule, String explanation) {
    }

    public record Deadlines(LocalDate dayZero, LocalDate acknowledgeBy, LocalDate respondBy, Instant makeSafeBy) {
    }

    public record Consent(String state) {
    }

    public record Message(String direction, String channel, String kind, String recipient, String subject,
                          String text, String deliveryState, int attempts, String lastError, Instant at) {
    }

    public record Event(Instant at, String type, String detail) {
    }

    public record Filter(String caseClass, String status, Instant since, int limit) {
    }

    public Optional<CaseView> byReference(String reference) {
        return jdbc.sql("select * from case_file where reference = ?").param(reference)
                .query((rs, row) -> new Row(rs.getLong("id"), header(rs))).optional()
                .map(this::withDetails);
    }

    /** Newest first; without messages and events, which {@link #byReference} gives. */
    public List<CaseView> list(Filter filter) {
        StringBuilder sql = new StringBuilder("select * from case_file where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.caseClass() != null) {
            sql.append(" and case_class = ?");
            params.add(filter.caseClass());
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            params.add(filter.status());
        }
        if (filter.since() != null) {
            sql.append(" and received_at >= ?");
            params.add(Sql.ts(filter.since()));
        }
        sql.append(" order by received_at desc, id desc fetch first ").append(filter.limit()).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> header(rs)).list();
    }

    private record Row(long id, CaseView header) {
    }

    private CaseView withDetails(Row row) {
        long id = row.id();
        CaseView c = row.header();
        List<Reason> reasons = jdbc.sql("select rule, explanation from case_reason where case_id = ? order by position")
                .param(id).query((rs, n) -> new Reason(rs.getString("rule"), rs.getString("explanation"))).list();
        List<Message> messages = new ArrayList<>(jdbc.sql("""
                        select channel, subject, body, status, attempts, last_error, received_at
                        from inbound_message where case_id = ? order by id""")
                .param(id).query((rs, n) -> new Message("inbound", rs.getString("channel"), "message", null,
                        rs.getString("subject"), rs.getString("body"), rs.getString("status").toLowerCase(),
                        rs.getInt("attempts"), rs.getString("last_error"), Sql.instant(rs, "received_at")))
                .list());
        messages.addAll(jdbc.sql("""
                        select kind, channel, recipient, subject, body, status, attempts, last_error, created_at
                        from outbound_message where case_id = ? order by id""")
                .param(id).query((rs, n) -> new Message("outbound", rs.getString("channel"), rs.getString("kind"),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                        rs.getString("status").toLowerCase(), rs.getInt("attempts"), rs.getString("last_error"),
                        Sql.instant(rs, "created_at")))
                .list());
        messages.sort(Comparator.comparing(Message::at));
        List<Event> events = jdbc.sql("select occurred_at, type, detail from case_event where case_id = ? order by id")
                .param(id).query((rs, n) -> new Event(Sql.instant(rs, "occurred_at"), rs.getString("type"),
                        rs.getString("detail"))).list();
        return new CaseView(c.reference(), c.caseClass(), c.stage(), c.status(), c.channel(), c.preferredContact(),
                c.language(), c.contact(), c.tenant(), c.flags(), reasons, c.deadlines(), c.consent(), c.receivedAt(),
                c.policy(), messages, events);
    }

    private static CaseView header(ResultSet rs) throws SQLException {
        String tenantName = rs.getString("tenant_name");
        return new CaseView(rs.getString("reference"), rs.getString("case_class"), rs.getInt("stage"),
                rs.getString("status"), rs.getString("channel"), rs.getString("preferred_contact"),
                rs.getString("language"),
                new Person(rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("contact_phone")),
                tenantName == null ? null : new Tenant(tenantName, rs.getString("tenant_address"),
                        rs.getString("representative_relationship")),
                new Flags(rs.getBoolean("hazard"), rs.getBoolean("vulnerability"), rs.getBoolean("representative"),
                        rs.getString("representative_role"), rs.getBoolean("needs_clarification")),
                List.of(),
                new Deadlines(rs.getObject("day_zero", LocalDate.class), rs.getObject("acknowledge_by", LocalDate.class),
                        rs.getObject("respond_by", LocalDate.class), Sql.instant(rs, "make_safe_by")),
                new Consent(rs.getString("consent_state")), Sql.instant(rs, "received_at"), rs.getString("policy"),
                List.of(), List.of());
    }
}
