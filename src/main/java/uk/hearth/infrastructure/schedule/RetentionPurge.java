package uk.hearth.infrastructure.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes personal data kept past the retention period: from closed cases last updated longer ago than the
 * period, and inbound messages that never became a case. A purged case keeps its reference, class, stage,
 * status, flags, dates and the types and times of its audit trail, so the landlord's figures for the
 * Ombudsman survive; names, addresses, contact details, message text and event details go. Run by the
 * {@code retention-purge} route.
 */
public class RetentionPurge {
    static final String REMOVED = "[removed after the retention period]";
    static final String EVENT = "personal_data_purged";
    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SchedulerProperties.Retention settings;
    private final Clock clock;
    private final ZoneId zone;
    private final MeterRegistry meters;

    RetentionPurge(JdbcClient jdbc, TransactionTemplate transactions, SchedulerProperties.Retention settings,
                   Clock clock, ZoneId zone, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
        this.meters = meters;
    }

    public record Run(int cases, int strayMessages) {
    }

    public Run run() {
        Instant now = clock.instant();
        Instant cutoff = now.atZone(zone).minus(settings.period()).toInstant();
        int purged = 0;
        for (long caseId : casesDue(cutoff)) {
            try {
                transactions.executeWithoutResult(status -> purgeCase(caseId, now));
                purged++;
            } catch (RuntimeException e) {
                // One case that cannot be purged must not hold up the others; it is tried again next run.
                log.warn("Cannot purge personal data of case {}: {}", caseId, e.toString());
            }
        }
        Integer stray = transactions.execute(status -> purgeStrayMessages(cutoff) + purgeRejectedMail(cutoff));
        int strayMessages = stray == null ? 0 : stray;
        meters.counter("hearth.retention.purged", "what", "case").increment(purged);
        meters.counter("hearth.retention.purged", "what", "inbound_message").increment(strayMessages);
        if (purged > 0 || strayMessages > 0) {
            log.info("Retention purge: personal data removed from {} closed cases and {} messages without a case",
                    purged, strayMessages);
        }
        return new Run(purged, strayMessages);
    }

    private List<Long> casesDue(Instant cutoff) {
        return jdbc.sql("""
                        select c.id from case_file c
                        where c.status = 'closed' and c.updated_at < ?
                          and not exists (select 1 from case_event e where e.case_id = c.id and e.type = '%s')
                        order by c.id fetch first %d rows only""".formatted(EVENT, settings.batchSize()))
                .param(Jdbc.ts(cutoff)).query(Long.class).list();
    }

    private void purgeCase(long caseId, Instant now) {
        jdbc.sql("""
                        update case_file set contact_name = null, contact_email = null, contact_phone = null,
                            contact_handle = null, tenant_name = null, tenant_address = null,
                            representative_relationship = null, tenancy_reference = null, staff_attention = null,
                            close_reason = null, exclusion = null
                        where id = ?""").param(caseId).update();
        jdbc.sql("update case_extension set reason = ? where case_id = ?").params(REMOVED, caseId).update();
        jdbc.sql("update case_reason set explanation = ? where case_id = ?").params(REMOVED, caseId).update();
        jdbc.sql("""
                        update inbound_attachment set content = null, name = null, url = null
                        where inbound_id in (select id from inbound_message where case_id = ?)""")
                .param(caseId).update();
        jdbc.sql("""
                        update inbound_message set sender_name = null, sender_email = null, sender_phone = null,
                            sender_handle = null, on_behalf_name = null, on_behalf_address = null,
                            on_behalf_relationship = null, on_behalf_tenancy = null, subject = null, body = ?,
                            raw = null, details = null, notice_detail = null, last_error = null
                        where case_id = ?""").params(REMOVED, caseId).update();
        jdbc.sql("""
                        update outbound_message set recipient = null, subject = null, body = ?, last_error = null,
                            delivery_error = null
                        where case_id = ?""").params(REMOVED, caseId).update();
        jdbc.sql("update case_event set detail = null where case_id = ?").param(caseId).update();
        // The whole acknowledgements behind short ones: their links stop working with the personal data.
        jdbc.sql("delete from acknowledgement_text where case_id = ?").param(caseId).update();
        jdbc.sql("insert into case_event (case_id, occurred_at, type, detail) values (?, ?, ?, ?)")
                .params(caseId, Jdbc.ts(now), EVENT, "personal data removed: the case closed and was last updated"
                        + " more than " + describe(settings.period()) + " ago")
                .update();
    }

    /** Messages that were processed (or gave up on) without becoming a case: nothing to keep, so deleted. */
    private int purgeStrayMessages(Instant cutoff) {
        List<Long> ids = jdbc.sql("""
                        select id from inbound_message
                        where case_id is null and status in ('PROCESSED', 'FAILED') and stored_at < ?
                        order by id fetch first %d rows only""".formatted(settings.batchSize()))
                .param(Jdbc.ts(cutoff)).query(Long.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        jdbc.sql("delete from inbound_attachment where inbound_id in (:ids)").param("ids", ids).update();
        return jdbc.sql("delete from inbound_message where id in (:ids)").param("ids", ids).update();
    }

    /** Mail that could not be read is kept with its bytes for staff to look at, but no longer than the rest. */
    int purgeRejectedMail(Instant cutoff) {
        return jdbc.sql("delete from email_rejection where rejected_at < ?").param(Jdbc.ts(cutoff)).update();
    }

    /** "6 years", "1 year 6 months", "30 days". */
    static String describe(Period period) {
        StringBuilder text = new StringBuilder();
        append(text, period.getYears(), "year");
        append(text, period.getMonths(), "month");
        append(text, period.getDays(), "day");
        return text.isEmpty() ? "0 days" : text.toString();
    }

    private static void append(StringBuilder text, int amount, String unit) {
        if (amount != 0) {
            text.append(text.isEmpty() ? "" : " ").append(amount).append(' ').append(unit).append(amount == 1 ? "" : "s");
        }
    }
}
