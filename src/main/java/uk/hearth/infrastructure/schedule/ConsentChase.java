package uk.hearth.infrastructure.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.Outbox;
import uk.hearth.complaint.WorkingDayCalendar;
import uk.hearth.intake.OptOuts;
import uk.hearth.message.ChannelId;
import uk.hearth.message.OutboundReply;

/**
 * Chases tenants who have not answered a consent request: a reminder (the request again, "Reminder: " first) on
 * the channel and to the address the request went to, through the outbox. Run by the {@code consent-chase} route.
 */
public class ConsentChase {
    static final String KIND = "consent_reminder";
    private static final Logger log = LoggerFactory.getLogger(ConsentChase.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final Cases cases;
    private final OptOuts optOuts;
    private final WorkingDayCalendar calendar;
    private final SchedulerProperties.ConsentChase settings;
    private final Clock clock;
    private final MeterRegistry meters;

    ConsentChase(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox, Cases cases, OptOuts optOuts,
                 WorkingDayCalendar calendar, SchedulerProperties.ConsentChase settings, Clock clock,
                 MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.cases = cases;
        this.optOuts = optOuts;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /** @return how many reminders were queued */
    public int run() {
        Instant now = clock.instant();
        ZoneId zone = calendar.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        int queued = 0;
        for (PendingConsent pending : pending()) {
            Optional<Integer> number = pending.reminderDue(today, zone, calendar, settings.afterWorkingDays(),
                    settings.maxReminders());
            if (number.isPresent() && !optOuts.isOptedOut(ChannelId.of(pending.channel()), pending.recipient())
                    && remind(pending, number.get(), now)) {
                queued++;
            }
        }
        if (queued > 0) {
            log.info("Consent chase: {} reminders queued", queued);
        }
        return queued;
    }

    private boolean remind(PendingConsent pending, int number, Instant now) {
        OutboundReply reminder = new OutboundReply(ChannelId.of(pending.channel()), pending.recipient(),
                PendingConsent.reminder(pending.subject()), PendingConsent.reminder(pending.body()));
        try {
            transactions.executeWithoutResult(status -> {
                long outboundId = outbox.enqueue(pending.caseId(), KIND, reminder);
                // The key (case, number) makes a second run's copy of this reminder fail and roll back.
                jdbc.sql("insert into consent_reminder (case_id, number, outbound_id, created_at) values (?, ?, ?, ?)")
                        .params(pending.caseId(), number, outboundId, Jdbc.ts(now)).update();
                cases.recordEvent(pending.caseId(), "consent_chased", "reminder " + number + " of "
                        + settings.maxReminders() + " to the tenant by " + pending.channel()
                        + ": no answer to the consent request yet", now);
            });
            meters.counter("hearth.consent.reminders", "channel", pending.channel()).increment();
            return true;
        } catch (DuplicateKeyException remindedElsewhere) {
            return false;
        } catch (RuntimeException e) {
            log.warn("Cannot queue consent reminder {} for case {}: {}", number, pending.caseId(), e.toString());
            return false;
        }
    }

    private List<PendingConsent> pending() {
        return jdbc.sql("""
                        select c.id as case_id, r.channel, r.recipient, r.subject, r.body, r.status, r.sent_at,
                               (select count(*) from consent_reminder m where m.case_id = c.id) as reminders,
                               (select max(coalesce(o.sent_at, o.created_at)) from consent_reminder m
                                  join outbound_message o on o.id = m.outbound_id
                                 where m.case_id = c.id) as last_reminder_at,
                               (select count(*) from consent_reminder m join outbound_message o on o.id = m.outbound_id
                                 where m.case_id = c.id and o.status in ('PENDING', 'SENDING')) as unsent
                        from case_file c join outbound_message r on r.case_id = c.id
                        where c.consent_state = 'pending' and c.status <> 'closed' and r.kind = 'consent_request'
                          and r.id = (select max(x.id) from outbound_message x
                                       where x.case_id = c.id and x.kind = 'consent_request')
                        order by c.id""")
                .query((rs, row) -> new PendingConsent(rs.getLong("case_id"), rs.getString("channel"),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                        rs.getString("status"), Jdbc.instant(rs, "sent_at"), rs.getInt("reminders"),
                        Jdbc.instant(rs, "last_reminder_at"), rs.getInt("unsent")))
                .list();
    }
}
