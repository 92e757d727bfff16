package uk.hearth.infrastructure.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseReason;
import uk.hearth.complaint.CaseReference;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.CaseSummary;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.NewCase;

@Repository
class JdbcCases implements Cases {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String prefix;

    JdbcCases(JdbcClient jdbc, Clock clock, @Value("${hearth.reference-prefix:HRT}") String prefix) {
        this.jdbc = jdbc;
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
                    make_safe_by, policy, created_at, updated_at)
                values (:reference, :caseClass, :stage, :status, :channel, :preferred, :language,
                    :contactName, :contactEmail, :contactPhone, :contactHandle, :tenantName, :tenantAddress,
                    :relationship, :role, :hazard, :vulnerability, :representative,
                    :needsClarification, :consent, :receivedAt, :dayZero, :acknowledgeBy, :respondBy,
                    :makeSafeBy, :policy, :now, :now)""")
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
                .param("now", Sql.ts(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        List<CaseReason> reasons = c.reasons();
        for (int i = 0; i < reasons.size(); i++) {
            jdbc.sql("insert into case_reason (case_id, position, rule, explanation) values (?, ?, ?, ?)")
                    .params(id, i, Sql.truncate(reasons.get(i).rule(), 80),
                            Sql.truncate(reasons.get(i).explanation(), 1000))
                    .update();
        }
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
    public void recordEvent(long caseId, String type, String detail, Instant at) {
        jdbc.sql("insert into case_event (case_id, occurred_at, type, detail) values (?, ?, ?, ?)")
                .params(caseId, Sql.ts(at), type, Sql.truncate(detail, 2000))
                .update();
    }
}
