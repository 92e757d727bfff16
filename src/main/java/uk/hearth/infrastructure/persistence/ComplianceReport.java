package uk.hearth.infrastructure.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The figures the Ombudsman's self-assessment asks for (seed 002), over cases received in a period: volumes by
 * channel, class and stage; the share acknowledged and answered within the policy's timescales, with and without
 * extensions; extensions and their reasons; complaints refused and why; how many were resolved at stage 1.
 */
@Repository
public class ComplianceReport {
    private final JdbcClient jdbc;
    private final ZoneId zone;

    ComplianceReport(JdbcClient jdbc, @Value("${hearth.calendar.zone:Europe/London}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    public record Share(long of, long within, Double share) {
        static Share of(long of, long within) {
            return new Share(of, within, of == 0 ? null : Math.round(1000.0 * within / of) / 1000.0);
        }
    }

    public record Extension(String reference, int stage, int workingDays, String reason, LocalDate newDate) {
    }

    public record Refusal(String reference, String reason) {
    }

    public Map<String, Object> between(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("from", from);
        report.put("to", to);
        report.put("received", count("select count(*) from case_file where received_at >= ? and received_at < ?",
                start, end));
        report.put("byChannel", grouped("channel", start, end));
        report.put("byClass", grouped("case_class", start, end));
        report.put("complaintsByStage", groupedComplaints(start, end));
        report.put("acknowledgedOnTime", acknowledged(start, end));
        report.put("stage1RespondedOnTime", responded(1, start, end));
        report.put("stage2RespondedOnTime", responded(2, start, end));
        report.put("extensions", extensions(start, end));
        report.put("refused", refusals(start, end));
        long answeredAtStage1 = count("""
                select count(*) from case_file where received_at >= ? and received_at < ?
                  and stage1_responded_at is not null""", start, end);
        long escalated = count("""
                select count(*) from case_file where received_at >= ? and received_at < ?
                  and stage1_responded_at is not null and escalated_at is not null""", start, end);
        report.put("resolvedAtStage1", Share.of(answeredAtStage1, answeredAtStage1 - escalated));
        report.put("escalatedToStage2", Share.of(answeredAtStage1, escalated));
        return report;
    }

    private Share acknowledged(Instant start, Instant end) {
        List<Object[]> rows = jdbc.sql("""
                select c.acknowledge_by, (select min(o.sent_at) from outbound_message o
                        where o.case_id = c.id and o.kind = 'acknowledgement' and o.status = 'SENT') as sent
                from case_file c
                where c.received_at >= ? and c.received_at < ? and c.case_class in ('complaint', 'escalation')""")
                .params(Sql.ts(start), Sql.ts(end))
                .query((rs, n) -> new Object[] {rs.getObject(1, LocalDate.class), Sql.instant(rs, "sent")})
                .list();
        long within = rows.stream().filter(r -> r[1] != null
                && !((Instant) r[1]).atZone(zone).toLocalDate().isAfter((LocalDate) r[0])).count();
        return Share.of(rows.size(), within);
    }

    /** Responses sent for cases received in the period: within the date with extensions, and without. */
    private Map<String, Share> responded(int stage, Instant start, Instant end) {
        String s = "stage" + stage;
        List<Object[]> rows = jdbc.sql("""
                select %1$s_responded_at as responded, %1$s_due as due, %1$s_due_original as original
                from case_file where received_at >= ? and received_at < ? and %1$s_responded_at is not null"""
                        .formatted(s))
                .params(Sql.ts(start), Sql.ts(end))
                .query((rs, n) -> new Object[] {Sql.instant(rs, "responded"), rs.getObject("due", LocalDate.class),
                        rs.getObject("original", LocalDate.class)})
                .list();
        long withExtensions = rows.stream().filter(r -> r[1] == null || onOrBefore((Instant) r[0], (LocalDate) r[1]))
                .count();
        long withoutExtensions = rows.stream().filter(r -> r[2] == null || onOrBefore((Instant) r[0], (LocalDate) r[2]))
                .count();
        Map<String, Share> shares = new LinkedHashMap<>();
        shares.put("withExtensions", Share.of(rows.size(), withExtensions));
        shares.put("withoutExtensions", Share.of(rows.size(), withoutExtensions));
        return shares;
    }

    private boolean onOrBefore(Instant at, LocalDate date) {
        return !at.atZone(zone).toLocalDate().isAfter(date);
    }

    private List<Extension> extensions(Instant start, Instant end) {
        return jdbc.sql("""
                select c.reference, e.stage, e.working_days, e.reason, e.new_date from case_extension e
                join case_file c on c.id = e.case_id
                where c.received_at >= ? and c.received_at < ? order by e.id""")
                .params(Sql.ts(start), Sql.ts(end))
                .query((rs, n) -> new Extension(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    private List<Refusal> refusals(Instant start, Instant end) {
        return jdbc.sql("""
                select reference, exclusion from case_file
                where received_at >= ? and received_at < ? and exclusion is not null order by id""")
                .params(Sql.ts(start), Sql.ts(end))
                .query((rs, n) -> new Refusal(rs.getString(1), rs.getString(2))).list();
    }

    private Map<String, Long> grouped(String column, Instant start, Instant end) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select " + column + ", count(*) from case_file where received_at >= ? and received_at < ?"
                        + " group by " + column + " order by " + column)
                .params(Sql.ts(start), Sql.ts(end))
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private Map<String, Long> groupedComplaints(Instant start, Instant end) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select stage, count(*) from case_file where received_at >= ? and received_at < ?
                  and case_class in ('complaint', 'escalation') group by stage order by stage""")
                .params(Sql.ts(start), Sql.ts(end))
                .query((rs, n) -> counts.put("stage" + rs.getInt(1), rs.getLong(2))).list();
        return counts;
    }

    private long count(String sql, Instant start, Instant end) {
        return jdbc.sql(sql).params(Sql.ts(start), Sql.ts(end)).query(Long.class).single();
    }
}
