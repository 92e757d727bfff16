package uk.hearth.infrastructure.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the unmet deadlines of open cases that fall within a horizon. */
class OpenDeadlines {
    private final JdbcClient jdbc;
    private final ZoneId zone;

    OpenDeadlines(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** Unmet deadlines of open cases that end before {@code until} (lapsed ones included). */
    List<Deadline> endingBefore(Instant until) {
        LocalDate lastDay = until.atZone(zone).toLocalDate();
        return jdbc.sql("""
                        select c.id, c.reference, c.stage, c.hazard, c.acknowledge_by, c.respond_by, c.make_safe_by,
                               c.stage1_responded_at, c.stage2_responded_at, c.investigate_by,
                               (select o.status from outbound_message o
                                 where o.case_id = c.id and o.kind = 'acknowledgement'
                                 order by o.id desc fetch first 1 rows only) as acknowledgement_status
                        from case_file c
                        where c.status <> 'closed'
                          and (c.acknowledge_by <= :lastDay or c.respond_by <= :lastDay
                               or (c.hazard and c.make_safe_by <= :until) or c.investigate_by <= :lastDay)
                        order by c.id""")
                .param("lastDay", lastDay)
                .param("until", Jdbc.ts(until))
                .query((rs, row) -> new OpenCase(rs.getLong("id"), rs.getString("reference"), rs.getInt("stage"),
                        rs.getBoolean("hazard"), rs.getObject("acknowledge_by", LocalDate.class),
                        rs.getObject("respond_by", LocalDate.class), Jdbc.instant(rs, "make_safe_by"),
                        rs.getString("acknowledgement_status"), Jdbc.instant(rs, "stage1_responded_at"),
                        Jdbc.instant(rs, "stage2_responded_at"), rs.getObject("investigate_by", LocalDate.class)))
                .list().stream()
                .flatMap(c -> c.outstanding(zone).stream())
                .filter(d -> d.dueAt().isBefore(until))
                .toList();
    }
}
