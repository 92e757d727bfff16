package uk.hearth.infrastructure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import uk.hearth.intake.consent.ConsentRecord;
import uk.hearth.intake.consent.Consents;
import uk.hearth.intake.consent.Tenancy;
import uk.hearth.message.Sender;

@Repository
public class JdbcConsents implements Consents {
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcConsents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public long add(ConsentRecord c) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into consent (tenancy_reference, tenant_name, tenant_address, tenant_postcode,
                    representative_name, representative_email, representative_phone, representative_role, form,
                    evidence_reference, authority_basis, recorded_by, scope, valid_from, expires_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.tenancyReference(), c.tenantName(), c.tenantAddress(),
                        Tenancy.postcodeIn(c.tenantAddress()).orElse(null), c.representative().name(),
                        c.representative().email(), c.representative().phone(), c.representative().role(),
                        c.form().wireName(), c.evidenceReference(), c.authorityBasis(), c.recordedBy(), c.scope(),
                        Sql.ts(c.validFrom()), Sql.ts(c.expiresAt()), Sql.ts(clock.instant()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    @Override
    public Optional<ConsentRecord> find(long id) {
        return jdbc.sql("select * from consent where id = ?").param(id).query(JdbcConsents::record).optional();
    }

    @Override
    public void withdraw(long id, String reason, Instant at) {
        jdbc.sql("update consent set withdrawn_at = coalesce(withdrawn_at, ?), withdrawn_reason = ? where id = ?")
                .params(Sql.ts(at), Sql.truncate(reason, 500), id).update();
    }

    @Override
    public List<ConsentRecord> forRepresentative(Sender representative) {
        List<ConsentRecord> found = new java.util.ArrayList<>();
        if (representative.hasEmail()) {
            found.addAll(jdbc.sql("select * from consent where lower(representative_email) = lower(?) order by id desc")
                    .param(representative.email().strip()).query(JdbcConsents::record).list());
        }
        if (representative.hasPhone()) {
            jdbc.sql("select * from consent where representative_phone = ? order by id desc")
                    .param(representative.phone().strip()).query(JdbcConsents::record).list().stream()
                    .filter(c -> found.stream().noneMatch(f -> f.id() == c.id()))
                    .forEach(found::add);
        }
        return found;
    }

    /** Every consent for a tenancy, newest first: what staff see before they record another. */
    public List<ConsentRecord> forTenancy(String tenancyReference) {
        return jdbc.sql("select * from consent where upper(tenancy_reference) = upper(?) order by id desc")
                .param(tenancyReference).query(JdbcConsents::record).list();
    }

    private static ConsentRecord record(ResultSet rs, int row) throws SQLException {
        return new ConsentRecord(rs.getLong("id"), rs.getString("tenancy_reference"), rs.getString("tenant_name"),
                rs.getString("tenant_address"),
                new ConsentRecord.Representative(rs.getString("representative_name"),
                        rs.getString("representative_email"), rs.getString("representative_phone"),
                        rs.getString("representative_role")),
                ConsentRecord.Form.valueOf(rs.getString("form").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("evidence_reference"), rs.getString("authority_basis"), rs.getString("recorded_by"),
                rs.getString("scope"), Sql.instant(rs, "valid_from"), Sql.instant(rs, "expires_at"),
                Sql.instant(rs, "withdrawn_at"));
    }
}
