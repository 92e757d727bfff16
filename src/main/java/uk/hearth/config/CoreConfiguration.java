package uk.hearth.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.BankHolidays;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.DeadlineCalculator;
import uk.hearth.complaint.Outbox;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.complaint.WorkingDayCalendar;
import uk.hearth.intake.Inbox;
import uk.hearth.intake.ProcessingInbound;
import uk.hearth.intake.ReplyChannels;
import uk.hearth.intake.triage.Triage;

/** Wires the plain-Java core to its adapters. The core itself knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HearthProperties.class)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The active landlord's policy, from {@code config/policies/<hearth.policy>.yaml}. */
    @Bean
    PolicyProfile policyProfile(Environment environment, HearthProperties properties) {
        PolicyProfile profile = Binder.get(environment).bind("hearth.profile", PolicyProfile.class)
                .orElseThrow(() -> new IllegalStateException("no policy profile loaded for hearth.policy="
                        + properties.policy() + ": expected config/policies/" + properties.policy() + ".yaml"));
        if (!profile.id().equals(properties.policy())) {
            throw new IllegalStateException("hearth.policy=" + properties.policy() + " but the loaded profile is '"
                    + profile.id() + "'");
        }
        return profile;
    }

    @Bean
    WorkingDayCalendar workingDayCalendar(HearthProperties properties) {
        HearthProperties.Calendar calendar = properties.calendar();
        return new WorkingDayCalendar(BankHolidays.load(calendar.bankHolidaysFile()), calendar.workStart(),
                calendar.workEnd(), calendar.zone());
    }

    @Bean
    DeadlineCalculator deadlineCalculator(WorkingDayCalendar calendar, PolicyProfile profile) {
        return new DeadlineCalculator(calendar, profile);
    }

    @Bean
    Triage triage() {
        return Triage.standard();
    }

    @Bean
    ProcessingInbound processingInbound(Inbox inbox, Cases cases, Outbox outbox, Triage triage,
                                        DeadlineCalculator deadlines, Acknowledgements acknowledgements,
                                        ReplyChannels replyChannels, Clock clock, HearthProperties properties) {
        return new ProcessingInbound(inbox, cases, outbox, triage, deadlines, acknowledgements, replyChannels, clock,
                properties.calendar().zone());
    }
}
