package uk.hearth.infrastructure.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Hearth's schema, migrated by Flyway, in an H2 database of its own: for the jobs whose work is SQL. */
final class H2Schema {
    final DataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate transactions;

    H2Schema() {
        dataSource = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** A case with personal data everywhere it can be; returns its id. */
    long caseWithMessages(String reference, String status, Instant updatedAt) {
        jdbc.sql("""
                insert into case_file (reference, case_class, stage, status, channel, language, contact_name,
                    contact_email, contact_phone, tenant_name, tenant_address, representative_relationship,
                    representative_role, hazard, vulnerability, representative, needs_clarification, consent_state,
                    received_at, day_zero, acknowledge_by, respond_by, policy, tenancy_reference, staff_attention,
                    created_at, updated_at)
                values (?, 'complaint', 1, ?, 'email', 'en', 'Dee Ellis', 'dee@example.org', '+447700900123',
                    'Edna Ellis', '9 Park Road, Bury', 'daughter', 'family', false, true, true, false, 'given',
                    ?, ?, ?, ?, 'code', 'T-100', 'quoted by dee@example.org', ?, ?)""")
                .params(reference, status, Jdbc.ts(updatedAt), LocalDate.of(2019, 1, 7), LocalDate.of(2019, 1, 14),
                        LocalDate.of(2019, 1, 28), Jdbc.ts(updatedAt), Jdbc.ts(updatedAt))
                .update();
        long caseId = jdbc.sql("select id from case_file where reference = ?").param(reference).query(Long.class).single();
        jdbc.sql("insert into case_reason (case_id, position, rule, explanation) values (?, 0, 'complaint.word', ?)")
                .params(caseId, "'I want to complain' from Dee Ellis").update();
        long inbound = inbound(reference + "-in", caseId, updatedAt);
        jdbc.sql("""
                insert into inbound_attachment (inbound_id, position, name, content_type, size_bytes, url, content)
                values (?, 0, 'mould-in-edna-bedroom.jpg', 'image/jpeg', 3, 'https://files.example/x', ?)""")
                .params(inbound, new byte[] {1, 2, 3}).update();
        jdbc.sql("""
                insert into outbound_message (case_id, kind, channel, recipient, subject, body, status, attempts,
                    next_attempt_at, created_at, sent_at, last_error)
                values (?, 'acknowledgement', 'email', 'dee@example.org', 'Your complaint about Edna''s flat',
                    'Dear Dee Ellis', 'SENT', 1, ?, ?, ?, 'mailbox dee@example.org full')""")
                .params(caseId, Jdbc.ts(updatedAt), Jdbc.ts(updatedAt), Jdbc.ts(updatedAt)).update();
        jdbc.sql("insert into case_event (case_id, occurred_at, type, detail) values (?, ?, 'received', ?)")
                .params(caseId, Jdbc.ts(updatedAt), "by email from dee@example.org").update();
        return caseId;
    }

    long inbound(String externalId, Long caseId, Instant storedAt) {
        jdbc.sql("""
                insert into inbound_message (channel, source, external_id, received_at, stored_at, sender_name,
                    sender_email, sender_phone, on_behalf_name, on_behalf_address, on_behalf_relationship, subject,
                    body, language, raw, status, next_attempt_at, case_id, details)
                values ('email', 'imap', ?, ?, ?, 'Dee Ellis', 'dee@example.org', '+447700900123', 'Edna Ellis',
                    '9 Park Road', 'daughter', 'Edna''s mould', 'My mum Edna has mould', 'en', 'From: dee@example.org',
                    'PROCESSED', ?, ?, '{"Phone": "07700 900123"}')""")
                .params(externalId, Jdbc.ts(storedAt), Jdbc.ts(storedAt), Jdbc.ts(storedAt), caseId).update();
        return jdbc.sql("select id from inbound_message where external_id = ?").param(externalId)
                .query(Long.class).single();
    }
}
