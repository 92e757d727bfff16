package uk.hearth.infrastructure.schedule;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The warnings raised, one row per case, deadline kind, deadline and level. Raising one writes the warning,
 * its deliveries to staff and an event on the case in one transaction; the unique key decides which of two
 * runs (two nodes, a re-run) raises it, and the other writes nothing.
 */
class SlaWarnings {
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SlaWarnings(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * The warnings already raised for cases that are still open, as {@link #key} strings: one query per run
     * instead of one per deadline.
     */
    Set<String> raisedForOpenCases() {
        Set<String> raised = new HashSet<>();
        jdbc.sql("""
                        select w.case_id, w.deadline_kind, w.due_at, w.level
                        from sla_warning w join case_file c on c.id = w.case_id
                        where c.status <> 'closed'""")
                .query(rs -> {
                    raised.add(rs.getLong("case_id") + "|" + rs.getString("deadline_kind") + "|"
                            + Jdbc.instant(rs, "due_at").toEpochMilli() + "|" + rs.getString("level"));
                });
        return raised;
    }

    static String key(Deadline deadline, WarningLevel level) {
        return deadline.caseId() + "|" + deadline.kind().wireName() + "|" + deadline.dueAt().toEpochMilli() + "|"
                + level.wireName();
    }

    /** @return false when this warning was raised before */
    boolean raise(Deadline deadline, WarningLevel level, List<String> channels, String eventDetail, Instant now) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> insert(deadline, level, channels, eventDetail, now)));
        } catch (DuplicateKeyException raisedElsewhere) {
            return false;
        }
    }

    private boolean insert(Deadline deadline, WarningLevel level, List<String> channels, String eventDetail,
                           Instant now) {
        boolean known = jdbc.sql("""
                        select count(*) from sla_warning
                        where case_id = ? and deadline_kind = ? and due_at = ? and level = ?""")
                .params(deadline.caseId(), deadline.kind().wireName(), Jdbc.ts(deadline.dueAt()), level.wireName())
                .query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into sla_warning (case_id, deadline_kind, due_at, level, raised_at)
                        values (?, ?, ?, ?, ?)""")
                .params(deadline.caseId(), deadline.kind().wireName(), Jdbc.ts(deadline.dueAt()), level.wireName(),
                        Jdbc.ts(now))
                .update(key, "id");
        long warningId = key.getKey().longValue();
        for (String channel : channels) {
            jdbc.sql("insert into staff_alert (warning_id, channel, status, attempts) values (?, ?, 'PENDING', 0)")
                    .params(warningId, channel).update();
        }
        jdbc.sql("insert into case_event (case_id, occurred_at, type, detail) values (?, ?, ?, ?)")
                .params(deadline.caseId(), Jdbc.ts(now), level.eventType(), Jdbc.truncate(eventDetail, 2000))
                .update();
        return true;
    }
}
