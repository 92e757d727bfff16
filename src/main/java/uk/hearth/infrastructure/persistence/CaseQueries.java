package uk.hearth.infrastructure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read side for staff and integrators: a case with its reasons, messages and audit trail. */
@Repository
public class CaseQueries {
    private static final String SELECT = "select c.*, r.reference as related_reference from case_file c"
            + " left join case_file r on r.id = c.related_case_id";

    private final JdbcClient jdbc;

    CaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CaseView(String reference, @JsonProperty("class") String caseClass, int stage, String status, String channel,
                           String preferredContact, String language, Person contact, Tenant tenant, Flags flags,
                           List<Reason> reasons, Deadlines deadlines, Consent consent, Instant receivedAt,
                           String policy, String relatedCase, String staffAttention, Progress progress,
                           List<Message> messages, List<Event> events, List<ContactCase> contactCases) {
    }

    /** Where the case stands in the landlord's procedure. */
    public record Progress(LocalDate concernResolveBy, String exclusion, Instant stage1RespondedAt, String stage1Outcome,
                           Instant escalatedAt, Instant stage2RespondedAt, String stage2Outcome, Instant closedAt,
                           String closeReason, List<ExtensionView> extensions) {
    }

    public record ExtensionView(int stage, int workingDays, String reason, LocalDate previousDate, LocalDate newDate,
                                String recordedBy, Instant recordedAt) {
    }

    /**
     * Another case with the same contact (phone number, email address or channel handle): how a resident who texts
     * from the same number is matched to their earlier cases. Only {@link #byReference} fills these in.
     */
    public record ContactCase(String reference, @JsonProperty("class") String caseClass, String status, String channel,
                              Instant receivedAt) {
    }

    public record Person(String name, String email, String phone, String handle) {
    }

    public record Tenant(String name, String address, String relationship) {
    }

    public record Flags(boolean hazard, List<String> hazardKinds, boolean vulnerability, boolean representative,
                        String representativeRole, boolean needsClarification) {
    }

    public record Reason(String rule, String explanation) {
    }

    public record Deadlines(LocalDate dayZero, LocalDate acknowledgeBy, LocalDate respondBy, Instant makeSafeBy,
                            LocalDate investigateBy) {
    }

    public record Consent(String state) {
    }

    /**
     * @param kind          inbound: message, or the notice (auto_reply, bounce, withdrawn); outbound: acknowledgement, ...
     * @param deliveryState inbound: processed, received, failed; outbound: pending, sending, sent, delivered, read,
     *                      failed, undelivered, manual_due
     */
    public record Message(String direction, String channel, String kind, String recipient, String subject,
                          String text, String deliveryState, String deliveryError, int attempts, String lastError,
                          List<File> attachments, Instant at) {
    }

    public record File(String name, String contentType, long size, String url, String note) {
    }

    public record Event(Instant at, String type, String detail) {
    }

    public record Filter(String caseClass, String status, Instant since, int limit) {
    }

    public Optional<CaseView> byReference(String reference) {
        return jdbc.sql(SELECT + " where c.reference = ?").param(reference)
                .query((rs, row) -> new Row(rs.getLong("id"), header(rs))).optional()
                .map(this::withDetails);
    }

    /** Newest first; without messages and events, which {@link #byReference} gives. */
    public List<CaseView> list(Filter filter) {
        StringBuilder sql = new StringBuilder(SELECT + " where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.caseClass() != null) {
            sql.append(" and c.case_class = ?");
            params.add(filter.caseClass());
        }
        if (filter.status() != null) {
            sql.append(" and c.status = ?");
            params.add(filter.status());
        }
        if (filter.since() != null) {
            sql.append(" and c.received_at >= ?");
            params.add(Sql.ts(filter.since()));
        }
        sql.append(" order by c.received_at desc, c.id desc fetch first ").append(filter.limit()).append(" rows only");
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
                        select id, channel, subject, body, status, notice, attempts, last_error, received_at
                        from inbound_message where case_id = ? order by id""")
                .param(id).query((rs, n) -> new Message("inbound", rs.getString("channel"),
                        rs.getString("notice") == null ? "message" : rs.getString("notice").toLowerCase(Locale.ROOT),
                        null, rs.getString("subject"), rs.getString("body"),
                        rs.getString("status").toLowerCase(Locale.ROOT), null, rs.getInt("attempts"),
                        rs.getString("last_error"), files(rs.getLong("id")), Sql.instant(rs, "received_at")))
                .list());
        messages.addAll(jdbc.sql("""
                        select kind, channel, recipient, subject, body, status, delivery_state, delivery_error, attempts,
                            last_error, created_at
                        from outbound_message where case_id = ? order by id""")
                .param(id).query((rs, n) -> new Message("outbound", rs.getString("channel"), rs.getString("kind"),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                        deliveryState(rs.getString("status"), rs.getString("delivery_state")),
                        rs.getString("delivery_error"), rs.getInt("attempts"), rs.getString("last_error"), List.of(),
                        Sql.instant(rs, "created_at")))
                .list());
        messages.sort(Comparator.comparing(Message::at));
        List<Event> events = jdbc.sql("select occurred_at, type, detail from case_event where case_id = ? order by id")
                .param(id).query((rs, n) -> new Event(Sql.instant(rs, "occurred_at"), rs.getString("type"),
                        rs.getString("detail"))).list();
        return new CaseView(c.reference(), c.caseClass(), c.stage(), c.status(), c.channel(), c.preferredContact(),
                c.language(), c.contact(), c.tenant(), c.flags(), reasons, c.deadlines(), c.consent(), c.receivedAt(),
                c.policy(), c.relatedCase(), c.staffAttention(), withExtensions(c.progress(), id), messages, events,
                contactCases(id, c.contact()));
    }

    private Progress withExtensions(Progress p, long caseId) {
        List<ExtensionView> extensions = jdbc.sql("""
                        select stage, working_days, reason, previous_date, new_date, recorded_by, recorded_at
                        from case_extension where case_id = ? order by id""")
                .param(caseId)
                .query((rs, n) -> new ExtensionView(rs.getInt(1), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6),
                        Sql.instant(rs, "recorded_at")))
                .list();
        return new Progress(p.concernResolveBy(), p.exclusion(), p.stage1RespondedAt(), p.stage1Outcome(),
                p.escalatedAt(), p.stage2RespondedAt(), p.stage2Outcome(), p.closedAt(), p.closeReason(), extensions);
    }

    private static final int CONTACT_CASES = 20;

    /** Newest first; each address is matched exactly as stored (phone numbers in E.164). */
    private List<ContactCase> contactCases(long id, Person contact) {
        List<String> matches = new ArrayList<>();
        List<Object> params = new ArrayList<>(List.of(id));
        for (String[] address : new String[][] {{"contact_phone", contact.phone()}, {"contact_email", contact.email()},
                {"contact_handle", contact.handle()}}) {
            if (address[1] != null && !address[1].isBlank()) {
                matches.add(address[0] + " = ?");
                params.add(address[1]);
            }
        }
        if (matches.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select reference, case_class, status, channel, received_at from case_file where id <> ? and ("
                        + String.join(" or ", matches) + ") order by received_at desc, id desc fetch first "
                        + CONTACT_CASES + " rows only")
                .params(params)
                .query((rs, n) -> new ContactCase(rs.getString("reference"), rs.getString("case_class"),
                        rs.getString("status"), rs.getString("channel"), Sql.instant(rs, "received_at")))
                .list();
    }

    private List<File> files(long inboundId) {
        return jdbc.sql("""
                        select name, content_type, size_bytes, url, note from inbound_attachment
                        where inbound_id = ? order by position""")
                .param(inboundId)
                .query((rs, n) -> new File(rs.getString("name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getString("url"), rs.getString("note")))
                .list();
    }

    /** The provider's word on delivery (delivered, read, undelivered) once it has one; our own state before. */
    private static String deliveryState(String status, String providerState) {
        return "SENT".equals(status) && providerState != null ? providerState : status.toLowerCase(Locale.ROOT);
    }

    private static CaseView header(ResultSet rs) throws SQLException {
        String tenantName = rs.getString("tenant_name");
        return new CaseView(rs.getString("reference"), rs.getString("case_class"), rs.getInt("stage"),
                rs.getString("status"), rs.getString("channel"), rs.getString("preferred_contact"),
                rs.getString("language"),
                new Person(rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("contact_phone"),
                        rs.getString("contact_handle")),
                tenantName == null ? null : new Tenant(tenantName, rs.getString("tenant_address"),
                        rs.getString("representative_relationship")),
                new Flags(rs.getBoolean("hazard"), rs.getString("hazard_kinds") == null ? List.of()
                        : List.of(rs.getString("hazard_kinds").split(",")), rs.getBoolean("vulnerability"),
                        rs.getBoolean("representative"), rs.getString("representative_role"),
                        rs.getBoolean("needs_clarification")),
                List.of(),
                new Deadlines(rs.getObject("day_zero", LocalDate.class), rs.getObject("acknowledge_by", LocalDate.class),
                        rs.getObject("respond_by", LocalDate.class), Sql.instant(rs, "make_safe_by"),
                        rs.getObject("investigate_by", LocalDate.class)),
                new Consent(rs.getString("consent_state")), Sql.instant(rs, "received_at"), rs.getString("policy"),
                rs.getString("related_reference"), rs.getString("staff_attention"),
                new Progress(rs.getObject("concern_resolve_by", LocalDate.class), rs.getString("exclusion"),
                        Sql.instant(rs, "stage1_responded_at"), rs.getString("stage1_outcome"),
                        Sql.instant(rs, "escalated_at"), Sql.instant(rs, "stage2_responded_at"),
                        rs.getString("stage2_outcome"), Sql.instant(rs, "closed_at"), rs.getString("close_reason"),
                        List.of()),
                List.of(), List.of(), List.of());
    }

    /** The whole acknowledgement behind a short one, by the token its link carries. */
    public record FullAcknowledgement(String subject, String body, String language) {
    }

    public Optional<FullAcknowledgement> fullAcknowledgement(String token) {
        return jdbc.sql("select subject, body, language from acknowledgement_text where token = ?")
                .param(token)
                .query((rs, n) -> new FullAcknowledgement(rs.getString("subject"), rs.getString("body"),
                        rs.getString("language")))
                .optional();
    }
}
