package uk.hearth.infrastructure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import uk.hearth.intake.consent.Tenancies;
import uk.hearth.intake.consent.Tenancy;
import uk.hearth.message.ChannelId;
import uk.hearth.message.Sender;

/** The tenancy register, imported by staff or an integration; an import replaces rows by tenancy reference. */
@Repository
public class JdbcTenancies implements Tenancies {
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JdbcTenancies(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<Tenancy> find(String reference) {
        return jdbc.sql("select * from tenancy where upper(reference) = upper(?)").param(reference.strip())
                .query(JdbcTenancies::tenancy).optional();
    }

    @Override
    public Optional<Tenancy> byContact(Sender contact) {
        if (contact.hasEmail()) {
            Optional<Tenancy> byEmail = only(jdbc.sql("select * from tenancy where email = ?")
                    .param(contact.email().strip().toLowerCase(java.util.Locale.ROOT)).query(JdbcTenancies::tenancy)
                    .list());
            if (byEmail.isPresent()) {
                return byEmail;
            }
        }
        if (contact.hasPhone()) {
            return only(jdbc.sql("select * from tenancy where phone = ?").param(contact.phone().strip())
                    .query(JdbcTenancies::tenancy).list());
        }
        return Optional.empty();
    }

    @Override
    public Optional<Tenancy> byNameAndPostcode(String name, String postcode) {
        String wanted = Tenancy.normalisedName(name);
        if (wanted.isEmpty() || postcode == null) {
            return Optional.empty();
        }
        return only(jdbc.sql("select * from tenancy where postcode = ?").param(postcode)
                .query(JdbcTenancies::tenancy).list().stream()
                .filter(t -> Tenancy.normalisedName(t.name()).equals(wanted)).toList());
    }

    /** All rows in one transaction: an import is applied whole or not at all. */
    public void importAll(List<Tenancy> rows) {
        transactions.executeWithoutResult(status -> {
            for (Tenancy t : rows) {
                jdbc.sql("delete from tenancy where upper(reference) = upper(?)").param(t.reference()).update();
                jdbc.sql("""
                        insert into tenancy (reference, name, address, postcode, phone, email, preferred_contact,
                            language, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(t.reference(), t.name(), t.address(), t.postcode(), t.phone(),
                                t.email() == null ? null : t.email().toLowerCase(java.util.Locale.ROOT),
                                t.preferredContact() == null ? null : t.preferredContact().value(), t.language(),
                                Sql.ts(clock.instant()))
                        .update();
            }
        });
    }

    private static Optional<Tenancy> only(List<Tenancy> found) {
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static Tenancy tenancy(ResultSet rs, int row) throws SQLException {
        String preferred = rs.getString("preferred_contact");
        return new Tenancy(rs.getString("reference"), rs.getString("name"), rs.getString("address"),
                rs.getString("phone"), rs.getString("email"), preferred == null ? null : ChannelId.of(preferred),
                rs.getString("language"));
    }
}
