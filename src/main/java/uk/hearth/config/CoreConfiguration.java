package uk.hearth.config;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
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
import uk.hearth.complaint.Wording;
import uk.hearth.intake.Inbox;
import uk.hearth.intake.ConsentAnswers;
import uk.hearth.intake.IntakePorts;
import uk.hearth.intake.OptOuts;
import uk.hearth.intake.ProcessingInbound;
import uk.hearth.intake.ProgressingCase;
import uk.hearth.intake.RedirectingReply;
import uk.hearth.intake.ReplyChannels;
import uk.hearth.intake.consent.Consents;
import uk.hearth.intake.consent.Tenancies;
import uk.hearth.intake.triage.Triage;
import uk.hearth.message.ChannelId;

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
        return bindProfile(environment, properties.policy());
    }

    /** Binds {@code hearth.profile} and checks it is the profile {@code policy} names. */
    public static PolicyProfile bindProfile(Environment environment, String policy) {
        PolicyProfile profile = Binder.get(environment).bind("hearth.profile", PolicyProfile.class)
                .orElseThrow(() -> new IllegalStateException("no policy profile loaded for hearth.policy="
                        + policy + ": expected config/policies/" + policy + ".yaml"));
        if (!profile.id().equals(policy)) {
            throw new IllegalStateException("hearth.policy=" + policy + " but the loaded profile is '"
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

    /** Read on a thread of its own since the context was made ({@link TriageLoading}); waits for it. */
    @Bean
    Triage triage(TriageLoading.Pending loading) {
        return loading.get();
    }

    @Bean
    IntakePorts intakePorts(Inbox inbox, Cases cases, Outbox outbox, Acknowledgements acknowledgements, Wording wording,
                            ReplyChannels replyChannels, OptOuts optOuts, Consents consents, Tenancies tenancies) {
        return new IntakePorts(inbox, cases, outbox, acknowledgements, wording, replyChannels, optOuts, consents,
                tenancies);
    }

    @Bean
    ProcessingInbound processingInbound(IntakePorts ports, Triage triage, DeadlineCalculator deadlines, Clock clock,
                                        HearthProperties properties, Environment environment) {
        return new ProcessingInbound(ports, triage, deadlines, clock, properties.calendar().zone(),
                conversationWindows(environment));
    }

    @Bean
    RedirectingReply redirectingReply(IntakePorts ports, Clock clock) {
        return new RedirectingReply(ports, clock);
    }

    @Bean
    ProgressingCase progressingCase(IntakePorts ports, DeadlineCalculator deadlines, Clock clock) {
        return new ProgressingCase(ports, deadlines, clock);
    }

    @Bean
    ConsentAnswers consentAnswers(IntakePorts ports, PolicyProfile profile, Clock clock) {
        return new ConsentAnswers(ports, profile, clock);
    }

    /** What every channel block may say about itself; the rest of {@code hearth.channels.<name>} is the channel's own. */
    record ChannelCommon(Duration conversationWindow) {
    }

    /** {@code hearth.channels.<name>.conversation-window}: how long a contact's messages continue their open case. */
    static Map<ChannelId, Duration> conversationWindows(Environment environment) {
        Map<String, ChannelCommon> channels = Binder.get(environment)
                .bind("hearth.channels", Bindable.mapOf(String.class, ChannelCommon.class))
                .orElse(Map.of());
        Map<ChannelId, Duration> windows = new HashMap<>();
        channels.forEach((name, common) -> {
            if (common.conversationWindow() != null) {
                windows.put(ChannelId.of(name), common.conversationWindow());
            }
        });
        return windows;
    }
}
