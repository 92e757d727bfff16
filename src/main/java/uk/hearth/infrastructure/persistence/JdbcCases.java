package uk.hearth.infrastructure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseFile;
import uk.hearth.complaint.CaseReason;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.CaseSummary;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.ConsentState;
import uk.hearth.complaint.Deadlines;
import uk.hearth.complaint.NewCase;
import uk.hearth.message.ChannelId;
import uk.hearth.message.OnBehalfOf;
import uk.hearth.message.Sender;

@Repository
class JdbcCases implements Cases {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final String prefix;

    JdbcCases(JdbcClient jdbc, JdbcTemplate batch, Clock clock, @Value("${hearth.reference-prefix:HRT}") String prefix) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.prefix = prefix;
    }

    /** One sequence across years: numbers never repeat, so a reference stays unique even if the year is misread. */
    @Override
    public CaseReference nextReference(int year) {
        long number = jdbc.sql("select nextval('case_reference_seq')").query(Long.class).single();
        return CaseReference.of(prefix, year, number);
    }

    @Override
    public long add(NewCase c) {
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_file (reference, case_class, stage, status, channel, preferred_contact, language,
                    contact_name, contact_email, contact_phone, contact_handle, tenant_name, tenant_address,
                    representative_relationship, representative_role, hazard, vulnerability, representative,
                    needs_clarification, consent_state, received_at, day_zero, acknowledge_by, respond_by,
                    make_safe_by, policy, related_case_id, staff_attention, tenancy_reference, consent_id,
                    concern_resolve_by, exclusion, respond_by_original, closed_at, close_reason, investigate_by,
                    hazard_kinds, created_at, updated_at)
                values (:reference, :caseClass, :stage, :status, :channel, :preferred, :language,
                    :contactName, :contactEmail, :contactPhone, :contactHandle, :tenantName, :tenantAddress,
                    :relationship, :role, :hazard, :vulnerability, :representative,
                    :needsClarification, :consent, :receivedAt, :dayZero, :acknowledgeBy, :respondBy,
                    :makeSafeBy, :policy, :related, :attention, :tenancy, :consentId,
                    :concernBy, :exclusion, :respondBy, :closedAt, :exclusion, :investigateBy,
                    :hazardKinds, :now, :now)""")
                .param("reference", c.reference().value())
                .param("caseClass", c.caseClass().wireName())
                .param("stage", c.stage())
                .param("status", c.status().wireName())
                .param("channel", c.channel().value())
                .param("preferred", c.preferredContact() == null ? null : c.preferredContact().value())
                .param("language", c.language())
                .param("contactName", c.contact().name())
                .param("contactEmail", c.contact().email())
                .param("contactPhone", c.contact().phone())
                .param("contactHandle", c.contact().handle())
                .param("tenantName", c.tenant() == null ? null : c.tenant().name())
                .param("tenantAddress", c.tenant() == null ? null : c.tenant().address())
                .param("relationship", c.tenant() == null ? null : c.tenant().relationship())
                .param("role", c.flags().representativeRole())
                .param("hazard", c.flags().hazard())
                .param("vulnerability", c.flags().vulnerability())
                .param("representative", c.flags().representative())
                .param("needsClarification", c.flags().needsClarification())
                .param("consent", c.consentState().wireName())
                .param("receivedAt", Sql.ts(c.receivedAt()))
                .param("dayZero", c.deadlines().dayZero())
                .param("acknowledgeBy", c.deadlines().acknowledgeBy())
                .param("respondBy", c.deadlines().respondBy())
                .param("makeSafeBy", Sql.ts(c.deadlines().makeSafeBy()))
                .param("policy", c.policyId())
                .param("related", c.relatedCaseId())
                .param("attention", Sql.truncate(c.staffAttention(), 2000))
                .param("tenancy", c.tenancyReference())
                .param("consentId", c.consentId())
                .param("concernBy", c.admission().concernResolveBy())
                .param("exclusion", Sql.truncate(c.admission().exclusion(), 500))
                .param("closedAt", c.status() == CaseStatus.CLOSED ? Sql.ts(now) : null)
                .param("investigateBy", c.deadlines().investigateBy())
                .param("hazardKinds", c.flags().hazardKinds().isEmpty() ? null
                        : String.join(",", new java.util.TreeSet<>(c.flags().hazardKinds())))
                .param("now", Sql.ts(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        List<CaseReason> reasons = c.reasons();
        List<Object[]> rows = new java.util.ArrayList<>(reasons.size());
        for (int i = 0; i < reasons.size(); i++) {
            rows.add(new Object[] {id, i, Sql.truncate(reasons.get(i).rule(), 80),
                    Sql.truncate(reasons.get(i).explanation(), 1000)});
        }
        batch.batchUpdate("insert into case_reason (case_id, position, rule, explanation) values (?, ?, ?, ?)", rows);
        return id;
    }

    @Override
    public Optional<CaseSummary> summary(long caseId) {
        return jdbc.sql("""
                        select c.id, c.reference, c.case_class, c.status, c.channel, c.acknowledge_by, c.respond_by, c.hazard,
                               o.channel as ack_channel, o.status as ack_status
                        from case_file c
                        left join outbound_message o on o.case_id = c.id and o.kind = 'acknowledgement'
                        where c.id = ? order by o.id fetch first 1 rows only""")
                .param(caseId)
                .query((rs, row) -> new CaseSummary(rs.getLong("id"), new CaseReference(rs.getString("reference")),
                        CaseClass.fromWireName(rs.getString("case_class")),
                        CaseStatus.fromWireName(rs.getString("status")), rs.getString("channel"),
                        rs.getObject("acknowledge_by", LocalDate.class), rs.getObject("respond_by", LocalDate.class),
                        rs.getString("ack_channel"), "MANUAL_DUE".equals(rs.getString("ack_status")),
                        rs.getBoolean("hazard")))
                .optional();
    }

    @Override
    public Optional<CaseFile> find(long caseId) {
        return jdbc.sql("select * from case_file where id = ?").param(caseId).query(JdbcCases::file).optional();
    }

    @Override
    public Optional<CaseFile> find(CaseReference reference) {
        return jdbc.sql("select * from case_file where reference = ?").param(reference.value())
                .query(JdbcCases::file).optional();
    }

    @Override
    public Optional<Long> holdingMessage(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = List.copyOf(messageIds);
        return jdbc.sql("""
                select case_id from (
                    select case_id, id from outbound_message where provider_id in (:ids)
                    union all
                    select case_id, id from inbound_message where message_id in (:ids) and case_id is not null
                ) found order by id desc fetch first 1 rows only""")
                .param("ids", ids).query(Long.class).optional();
    }

    @Override
    public Optional<CaseFile> latestOpen(ChannelId channel, Sender contact, Instant since) {
        String column;
        String value;
        if (contact.handle() != null) {
            column = "sender_handle";
            value = contact.handle();
        } else if (contact.hasPhone()) {
            column = "sender_phone";
            value = contact.phone();
        } else if (contact.hasEmail()) {
            column = "sender_email";
            value = contact.email();
        } else {
            return Optional.empty();
        }
        return jdbc.sql("""
                select c.* from case_file c join inbound_message i on i.case_id = c.id
                where i.channel = :channel and i.%s = :value and i.received_at >= :since and c.status <> 'closed'
                order by i.received_at desc, c.id desc fetch first 1 rows only""".formatted(column))
                .param("channel", channel.value()).param("value", value).param("since", Sql.ts(since))
                .query(JdbcCases::file).optional();
    }

    @Override
    public void escalate(long caseId, Deadlines d) {
        jdbc.sql("""
                update case_file set case_class = 'escalation', stage = 2, day_zero = ?, acknowledge_by = ?,
                    respond_by = ?, respond_by_original = ?, concern_resolve_by = null, escalated_at = ?, updated_at = ?
                where id = ?""")
                .params(d.dayZero(), d.acknowledgeBy(), d.respondBy(), d.respondBy(), Sql.ts(clock.instant()),
                        Sql.ts(clock.instant()), caseId).update();
    }

    @Override
    public void markHazard(long caseId, Instant makeSafeBy) {
        jdbc.sql("update case_file set hazard = true, make_safe_by = coalesce(make_safe_by, ?), updated_at = ? where id = ?")
                .params(Sql.ts(makeSafeBy), Sql.ts(clock.instant()), caseId).update();
    }

    @Override
    public void flagForStaff(long caseId, String why) {
        jdbc.sql("""
                update case_file set staff_attention = case when staff_attention is null then ?
                    else substring(staff_attention || '; ' || ?, 1, 2000) end, updated_at = ? where id = ?""")
                .params(why, why, Sql.ts(clock.instant()), caseId).update();
    }

    private static java.util.Set<String> kinds(String joined) {
        return joined == null || joined.isBlank() ? java.util.Set.of() : java.util.Set.of(joined.split(","));
    }

    private static CaseFile file(ResultSet rs, int row) throws SQLException {
        String preferred = rs.getString("preferred_contact");
        String tenantName = rs.getString("tenant_name");
        String relationship = rs.getString("representative_relationship");
        long related = rs.getLong("related_case_id");
        Long relatedOrNull = rs.wasNull() ? null : related;
        long consent = rs.getLong("consent_id");
        Long consentOrNull = rs.wasNull() ? null : consent;
        return new CaseFile(rs.getLong("id"), new CaseReference(rs.getString("reference")),
                CaseClass.fromWireName(rs.getString("case_class")), rs.getInt("stage"),
                CaseStatus.fromWireName(rs.getString("status")), ChannelId.of(rs.getString("channel")),
                preferred == null ? null : ChannelId.of(preferred), rs.getString("language"),
                new Sender(rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("contact_phone"),
                        rs.getString("contact_handle")),
                tenantName == null && relationship == null ? null
                        : new OnBehalfOf(tenantName, rs.getString("tenant_address"), relationship),
                new NewCase.Flags(rs.getBoolean("hazard"), rs.getBoolean("vulnerability"),
                        rs.getBoolean("representative"), rs.getString("representative_role"),
                        rs.getBoolean("needs_clarification"), kinds(rs.getString("hazard_kinds"))),
                ConsentState.valueOf(rs.getString("consent_state").toUpperCase(java.util.Locale.ROOT)),
                Sql.instant(rs, "received_at"),
                new Deadlines(rs.getObject("day_zero", LocalDate.class), rs.getObject("acknowledge_by", LocalDate.class),
                        rs.getObject("respond_by", LocalDate.class), Sql.instant(rs, "make_safe_by"),
                        rs.getObject("investigate_by", LocalDate.class)),
                Sql.instant(rs, "stage1_responded_at"), relatedOrNull, rs.getString("tenancy_reference"), consentOrNull);
    }

    @Override
    public void setConsent(long caseId, ConsentState state, Long consentId, CaseStatus status) {
        jdbc.sql("update case_file set consent_state = ?, consent_id = ?, status = ?, updated_at = ? where id = ?")
                .params(state.wireName(), consentId, status.wireName(), Sql.ts(clock.instant()), caseId).update();
    }

    @Override
    public Optional<Long> awaitingConsentAskedOf(Sender tenant) {
        List<String> addresses = java.util.stream.Stream.of(tenant.email(), tenant.phone())
                .filter(a -> a != null && !a.isBlank()).toList();
        if (addresses.isEmpty()) {
            return Optional.empty();
        }
        // Two lookups, each by its own index, rather than one join ordered by request: a plan PostgreSQL caches
        // while the tables are still empty would otherwise keep reading every pending case for every message.
        List<long[]> asked = jdbc.sql("""
                select id, case_id from outbound_message
                where kind = 'consent_request' and recipient in (:addresses)""")
                .param("addresses", addresses)
                .query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("case_id")}).list();
        return asked.stream()
                .sorted(java.util.Comparator.comparingLong((long[] r) -> r[0]).reversed())
                .map(r -> r[1])
                .filter(caseId -> jdbc.sql("select count(*) from case_file where id = ? and consent_state = 'pending'")
                        .param(caseId).query(Integer.class).single() > 0)
                .findFirst();
    }

    @Override
    public List<CaseFile> awaitingConsentFor(Sender representative) {
        List<CaseFile> found = new java.util.ArrayList<>();
        if (representative.hasEmail()) {
            found.addAll(jdbc.sql("select * from case_file where consent_state = 'pending' and status <> 'closed'"
                            + " and lower(contact_email) = lower(?) order by id")
                    .param(representative.email().strip()).query(JdbcCases::file).list());
        }
        if (representative.hasPhone()) {
            jdbc.sql("select * from case_file where consent_state = 'pending' and status <> 'closed'"
                            + " and contact_phone = ? order by id")
                    .param(representative.phone().strip()).query(JdbcCases::file).list().stream()
                    .filter(c -> found.stream().noneMatch(f -> f.id() == c.id()))
                    .forEach(found::add);
        }
        return found;
    }

    @Override
    public List<Long> relyingOnConsent(long consentId) {
        return jdbc.sql("select id from case_file where consent_id = ? and consent_state = 'given' order by id")
                .param(consentId).query(Long.class).list();
    }

    @Override
    public void recordResponse(long caseId, int stage, Instant at, String outcome) {
        String column = stage == 2 ? "stage2" : "stage1";
        jdbc.sql("update case_file set " + column + "_responded_at = ?, " + column + "_outcome = ?, " + column
                        + "_due = respond_by, " + column + "_due_original = respond_by_original, updated_at = ?"
                        + " where id = ?")
                .params(Sql.ts(at), outcome, Sql.ts(clock.instant()), caseId).update();
    }

    @Override
    public void recordExtension(long caseId, int stage, int workingDays, String reason, LocalDate previous,
                                LocalDate next, String recordedBy) {
        jdbc.sql("""
                insert into case_extension (case_id, stage, working_days, reason, previous_date, new_date, recorded_by,
                    recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, stage, workingDays, Sql.truncate(reason, 1000), previous, next, recordedBy,
                        Sql.ts(clock.instant()))
                .update();
        jdbc.sql("update case_file set respond_by = ?, updated_at = ? where id = ?")
                .params(next, Sql.ts(clock.instant()), caseId).update();
    }

    @Override
    public int extendedWorkingDays(long caseId, int stage) {
        return jdbc.sql("select coalesce(sum(working_days), 0) from case_extension where case_id = ? and stage = ?")
                .params(caseId, stage).query(Integer.class).single();
    }

    @Override
    public void exclude(long caseId, String exclusion) {
        jdbc.sql("update case_file set exclusion = ?, updated_at = ? where id = ?")
                .params(Sql.truncate(exclusion, 500), Sql.ts(clock.instant()), caseId).update();
    }

    @Override
    public List<Long> concernsUnresolvedBefore(LocalDate day) {
        return jdbc.sql("""
                select id from case_file where concern_resolve_by < ? and status <> 'closed'
                  and stage1_responded_at is null order by id""")
                .param(day).query(Long.class).list();
    }

    @Override
    public void promoteConcern(long caseId, Deadlines d) {
        jdbc.sql("""
                update case_file set concern_resolve_by = null, day_zero = ?, acknowledge_by = ?, respond_by = ?,
                    respond_by_original = ?, updated_at = ? where id = ?""")
                .params(d.dayZero(), d.acknowledgeBy(), d.respondBy(), d.respondBy(), Sql.ts(clock.instant()), caseId)
                .update();
    }

    @Override
    public void close(long caseId, String reason) {
        jdbc.sql("update case_file set status = 'closed', closed_at = ?, close_reason = ?, updated_at = ? where id = ?")
                .params(Sql.ts(clock.instant()), Sql.truncate(reason, 500), Sql.ts(clock.instant()), caseId).update();
    }

    @Override
    public void keepFullAcknowledgement(long caseId, String language, Acknowledgements.Full full, Instant at) {
        jdbc.sql("""
                insert into acknowledgement_text (case_id, token, language, subject, body, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(caseId, full.token(), language, Sql.truncate(full.subject(), 500), full.body(), Sql.ts(at))
                .update();
    }

    /**
     * Inside a transaction the events are kept and written in one batch just before it commits: processing a
     * message records several, and each would otherwise be a round trip to the database.
     */
    @Override
    public void recordEvent(long caseId, String type, String detail, Instant at) {
        Object[] row = {caseId, Sql.ts(at), type, Sql.truncate(detail, 2000)};
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            batch.update(INSERT_EVENT, row);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> pending = (List<Object[]>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Object[]> rows = new java.util.ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, rows);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    batch.batchUpdate(INSERT_EVENT, rows);
                    rows.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JdbcCases.this);
                }
            });
            pending = rows;
        }
        pending.add(row);
    }

    private static final String INSERT_EVENT =
            "insert into case_event (case_id, occurred_at, type, detail) values (?, ?, ?, ?)";

}
