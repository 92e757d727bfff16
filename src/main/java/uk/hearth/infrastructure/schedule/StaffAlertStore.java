package uk.hearth.infrastructure.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deliveries of warnings to staff. A node takes one with an atomic conditional update, so two nodes never
 * send the same delivery; one left claimed by a node that died is taken over after the claim timeout.
 */
class StaffAlertStore {
    private final JdbcClient jdbc;

    StaffAlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> due(Instant now, Duration claimTimeout, int limit) {
        return jdbc.sql("""
                        select id from staff_alert
                        where status = 'PENDING' or (status = 'SENDING' and claimed_at < ?)
                        order by id fetch first %d rows only""".formatted(limit))
                .param(Jdbc.ts(now.minus(claimTimeout))).query(Long.class).list();
    }

    boolean claim(long id, Instant now, Duration claimTimeout) {
        return jdbc.sql("""
                        update staff_alert set status = 'SENDING', claimed_at = ?
                        where id = ? and (status = 'PENDING' or (status = 'SENDING' and claimed_at < ?))""")
                .params(Jdbc.ts(now), id, Jdbc.ts(now.minus(claimTimeout))).update() == 1;
    }

    StaffAlert load(long id) {
        return jdbc.sql("""
                        select a.id, a.channel, a.attempts, w.case_id, w.deadline_kind, w.due_at, w.level,
                               c.reference, c.case_class, c.stage
                        from staff_alert a join sla_warning w on w.id = a.warning_id join case_file c on c.id = w.case_id
                        where a.id = ?""")
                .param(id)
                .query((rs, row) -> new StaffAlert(rs.getLong("id"), rs.getString("channel"), rs.getInt("attempts"),
                        rs.getLong("case_id"), rs.getString("reference"), rs.getString("case_class"), rs.getInt("stage"),
                        DeadlineKind.valueOf(rs.getString("deadline_kind").toUpperCase(Locale.ROOT)),
                        Jdbc.instant(rs, "due_at"),
                        WarningLevel.valueOf(rs.getString("level").toUpperCase(Locale.ROOT))))
                .single();
    }

    /** Any error from an earlier attempt stays, for whoever wonders why it went late. */
    void markSent(long id, Instant now) {
        jdbc.sql("""
                        update staff_alert set status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_at = null
                        where id = ?""")
                .params(Jdbc.ts(now), id).update();
    }

    /** @param last no further attempt: FAILED for good */
    void markFailed(long id, String error, boolean last) {
        jdbc.sql("""
                        update staff_alert set status = ?, attempts = attempts + 1, claimed_at = null, last_error = ?
                        where id = ?""")
                .params(last ? "FAILED" : "PENDING", Jdbc.truncate(error, 1000), id).update();
    }
}
