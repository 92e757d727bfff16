package uk.hearth.infrastructure.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import org.apache.camel.ProducerTemplate;
import org.quartz.Scheduler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.DeadlineCalculator;
import uk.hearth.complaint.Outbox;
import uk.hearth.complaint.WorkingDayCalendar;
import uk.hearth.config.HearthProperties;
import uk.hearth.intake.IntakePorts;
import uk.hearth.intake.OptOuts;
import uk.hearth.intake.PromotingConcerns;
import uk.hearth.intake.ReplyChannels;

/** The beans the routes in {@code routes/scheduled.camel.yaml} call, and the scheduler's health. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
class ScheduledWork {

    @Bean
    ConcernPromotion concernPromotion(IntakePorts ports, DeadlineCalculator deadlines, Clock clock,
                                      TransactionTemplate transactions, MeterRegistry meters) {
        return new ConcernPromotion(new PromotingConcerns(ports, deadlines, clock), transactions, meters);
    }

    @Bean
    SlaCheck slaCheck(SchedulerProperties properties) {
        return new SlaCheck(properties.watchdog().warnBefore(), properties.watchdog().makeSafeWarnBefore());
    }

    @Bean
    OpenDeadlines openDeadlines(JdbcClient jdbc, HearthProperties hearth) {
        return new OpenDeadlines(jdbc, hearth.calendar().zone());
    }

    @Bean
    SlaFigures slaFigures(OpenDeadlines deadlines, SlaCheck check, SchedulerProperties properties, Clock clock,
                          MeterRegistry meters) {
        return new SlaFigures(() -> {
            var now = clock.instant();
            return check.count(deadlines.endingBefore(now.plus(check.horizon())), now);
        }, clock, properties.watchdog().figuresMaxAge(), meters);
    }

    @Bean
    StaffAlerts staffAlerts(JdbcClient jdbc, SchedulerProperties properties, ProducerTemplate producer,
                            ReplyChannels replyChannels, Cases cases, Clock clock, HearthProperties hearth,
                            MeterRegistry meters) {
        return new StaffAlerts(new StaffAlertStore(jdbc), properties.alerts(), producer, replyChannels, cases, clock,
                hearth.calendar().zone(), hearth.publicBaseUrl(), meters);
    }

    @Bean
    SlaWatchdog slaWatchdog(OpenDeadlines deadlines, SlaCheck check, JdbcClient jdbc, TransactionTemplate transactions,
                            StaffAlerts alerts, SlaFigures figures, SchedulerProperties properties, Clock clock,
                            HearthProperties hearth) {
        return new SlaWatchdog(deadlines, check, new SlaWarnings(jdbc, transactions), alerts, figures,
                properties.alerts(), clock, hearth.calendar().zone());
    }

    @Bean
    ConsentChase consentChase(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox, Cases cases,
                              OptOuts optOuts, WorkingDayCalendar calendar, SchedulerProperties properties,
                              Clock clock, MeterRegistry meters) {
        return new ConsentChase(jdbc, transactions, outbox, cases, optOuts, calendar, properties.consentChase(), clock,
                meters);
    }

    @Bean
    RetentionPurge retentionPurge(JdbcClient jdbc, TransactionTemplate transactions, SchedulerProperties properties,
                                  Clock clock, HearthProperties hearth, MeterRegistry meters) {
        ZoneId zone = hearth.calendar().zone();
        return new RetentionPurge(jdbc, transactions, properties.retention(), clock, zone, meters);
    }

    @Bean
    SchedulerRestart schedulerRestart(Scheduler scheduler) {
        return new SchedulerRestart(scheduler);
    }

    @Bean
    SchedulerHealthIndicator schedulerHealthIndicator(Scheduler scheduler, JdbcClient jdbc) {
        return new SchedulerHealthIndicator(scheduler, jdbc);
    }
}
