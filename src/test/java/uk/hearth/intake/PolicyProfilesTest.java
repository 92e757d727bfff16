package uk.hearth.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import uk.hearth.complaint.Acknowledgements;
import uk.hearth.complaint.BankHolidays;
import uk.hearth.complaint.CaseClass;
import uk.hearth.complaint.CaseStatus;
import uk.hearth.complaint.DeadlineCalculator;
import uk.hearth.complaint.NewCase;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.complaint.WorkingDayCalendar;
import uk.hearth.config.CoreConfiguration;
import uk.hearth.intake.triage.ShippedTriage;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Sender;

/** Each shipped policy profile, loaded from config/policies as the service loads it, on the real calendar. */
public class PolicyProfilesTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    // Friday 22 May 2026, 17:45 London (BST): after hours before the Spring bank holiday on Monday 25 May.
    private static final Instant FRIDAY_EVENING = Instant.parse("2026-05-22T16:45:00Z");
    private static final Sender ANN = new Sender("Ann Jones", "ann@example.org", null);

    private final MemoryPorts.MemoryInbox inbox = new MemoryPorts.MemoryInbox();
    private final MemoryPorts.MemoryOutbox outbox = new MemoryPorts.MemoryOutbox();
    private final MemoryPorts.MemoryCases cases = new MemoryPorts.MemoryCases(inbox, outbox);

    public static PolicyProfile load(String policy) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load(policy, new FileSystemResource(Path.of("config/policies", policy + ".yaml")))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return CoreConfiguration.bindProfile(environment, policy);
    }

    private ProcessingInbound processing(PolicyProfile profile) {
        WorkingDayCalendar calendar = new WorkingDayCalendar(
                BankHolidays.load(Path.of("config/bank-holidays-england-and-wales.csv")), LocalTime.of(9, 0),
                LocalTime.of(17, 0), LONDON);
        return new ProcessingInbound(MemoryPorts.ports(inbox, cases, outbox,
                facts -> new Acknowledgements.Written("s", "ack"), channel -> Set.of("email").contains(channel.value()),
                new MemoryPorts.MemoryOptOuts(), new MemoryPorts.MemoryConsents(), new MemoryPorts.MemoryTenancies()),
                ShippedTriage.get(), new DeadlineCalculator(calendar, profile), Clock.fixed(FRIDAY_EVENING, ZoneOffset.UTC),
                LONDON, Map.of());
    }

    private Processed receive(ProcessingInbound processing, Sender from, String text, Instant at) {
        return processing.process(inbox.store(InboundMessage.builder(ChannelId.EMAIL, UUID.randomUUID().toString(),
                text, at).sender(from).build())).orElseThrow();
    }

    @ParameterizedTest(name = "{0}: acknowledge by {1}, respond by {2}")
    @CsvSource({
            "code,      2026-06-02, 2026-06-09",
            "best,      2026-06-02, 2026-06-09",
            "beyond,    2026-05-28, 2026-05-29",
            "bury,      2026-06-02, 2026-06-09",
            "berneslai, 2026-06-02, 2026-06-09"})
    void aComplaintAfterHoursBeforeABankHolidayCountsFromTheTuesday(String policy, LocalDate acknowledgeBy,
                                                                    LocalDate respondBy) throws IOException {
        receive(processing(load(policy)), ANN, "The repairs team missed three appointments for my leaking roof and "
                + "nobody rang to explain. This is not good enough.", FRIDAY_EVENING);

        NewCase c = cases.added.get(0);
        assertThat(c.caseClass()).isEqualTo(CaseClass.COMPLAINT);
        assertThat(c.deadlines().dayZero()).isEqualTo(LocalDate.of(2026, 5, 26));
        assertThat(c.deadlines().acknowledgeBy()).isEqualTo(acknowledgeBy);
        assertThat(c.deadlines().respondBy()).isEqualTo(respondBy);
        assertThat(c.policyId()).isEqualTo(policy);
    }

    @ParameterizedTest(name = "{0}: stage 2 asked {1} days after the response: escalated {2}")
    @CsvSource({
            "code,      28, true", "code,      29, false",
            "best,      28, true", "best,      29, false",
            "beyond,    38, true", "beyond,    45, false",
            "bury,      10, true", "bury,      11, false",
            "berneslai, 28, true", "berneslai, 29, false"})
    void escalationInsideAndOutsideEachWindow(String policy, int daysAfter, boolean escalated) throws IOException {
        ProcessingInbound processing = processing(load(policy));
        Processed complaint = receive(processing, ANN, "I want to make a formal complaint about the damp repair.",
                FRIDAY_EVENING);
        Instant responded = Instant.parse("2026-06-08T11:00:00Z");
        cases.respondedAt(1, responded);

        receive(processing, ANN, complaint.reference() + ": I am unhappy with your stage 1 response and want it "
                + "escalated to stage 2.", responded.plus(Duration.ofDays(daysAfter)));

        assertThat(cases.file(1).stage()).isEqualTo(escalated ? 2 : 1);
        assertThat(cases.attention.containsKey(1L)).isEqualTo(!escalated);
    }

    @ParameterizedTest(name = "{0}: anonymous complaint {1}")
    @CsvSource({"best, open", "bury, closed", "code, open"})
    void anonymousComplaints(String policy, String status) throws IOException {
        receive(processing(load(policy)), new Sender(null, "someone@example.org", null), "I want to complain anonymously:"
                + " the caretaker never cleans the stairs at Elm Court and nobody does anything.", FRIDAY_EVENING);

        NewCase c = cases.added.get(0);
        assertThat(c.status()).isEqualTo(CaseStatus.fromWireName(status));
        assertThat(c.admission().exclusion() != null).isEqualTo("closed".equals(status));
        assertThat(cases.events.get(1L)).anyMatch(e -> e.startsWith("policy: anonymous complaint"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"beyond"})
    void aBeyondHousingConcernIsResolvedFirstUnlessAFormalComplaintIsAskedFor(String policy) throws IOException {
        ProcessingInbound processing = processing(load(policy));
        receive(processing, ANN, "Your contractors were meant to cut the grass every fortnight but have not been all"
                + " summer, and nobody answers when I ring. I am not happy.", FRIDAY_EVENING);
        receive(processing, new Sender("Bo", "bo@example.org", null), "I want to make a formal complaint: the "
                + "grass has not been cut all summer.", FRIDAY_EVENING);

        assertThat(cases.added.get(0).admission().concernResolveBy()).isEqualTo(LocalDate.of(2026, 5, 29));
        assertThat(cases.added.get(1).admission().concernResolveBy()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"beyond"})
    void aConcernNotResolvedByItsDateBecomesAStageOneComplaint(String policy) throws IOException {
        PolicyProfile profile = load(policy);
        receive(processing(profile), ANN, "Your contractors were meant to cut the grass every fortnight but have"
                + " not been all summer, and nobody answers when I ring. I am not happy.", FRIDAY_EVENING);
        // Thursday 4 June 2026: the concern was to be resolved by Friday 29 May.
        Clock later = Clock.fixed(Instant.parse("2026-06-04T09:30:00Z"), ZoneOffset.UTC);
        PromotingConcerns promoting = new PromotingConcerns(MemoryPorts.ports(inbox, cases, outbox,
                facts -> new Acknowledgements.Written("s", "stage " + facts.stage() + " ack"),
                channel -> Set.of("email").contains(channel.value()), new MemoryPorts.MemoryOptOuts(),
                new MemoryPorts.MemoryConsents(), new MemoryPorts.MemoryTenancies()),
                new DeadlineCalculator(new WorkingDayCalendar(BankHolidays.load(Path.of(
                        "config/bank-holidays-england-and-wales.csv")), LocalTime.of(9, 0), LocalTime.of(17, 0),
                        LONDON), profile), later);

        assertThat(promoting.due()).containsExactly(1L);
        promoting.promote(1);

        assertThat(cases.file(1).deadlines().dayZero()).isEqualTo(LocalDate.of(2026, 6, 4));
        assertThat(cases.file(1).deadlines().acknowledgeBy()).isEqualTo(LocalDate.of(2026, 6, 8));
        assertThat(cases.events.get(1L)).anyMatch(e -> e.startsWith("concern_promoted"));
        assertThat(outbox.queued).hasSize(2);
        assertThat(promoting.due()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: an issue {1} old is flagged {2}")
    @CsvSource({"beyond, 'for eight months', true", "bury, 'for eight months', false", "bury, 'for two years', true"})
    void oldIssuesAreFlaggedForDiscretionNeverRefused(String policy, String age, boolean flagged) throws IOException {
        receive(processing(load(policy)), ANN, "I want to complain: the fence has been broken " + age
                + " and nobody has fixed it despite my calls.", FRIDAY_EVENING);

        assertThat(cases.added.get(0).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(cases.attention.containsKey(1L)).isEqualTo(flagged);
    }

    @ParameterizedTest
    @CsvSource({"code", "best", "beyond", "bury", "berneslai"})
    void everyProfileCarriesTheOmbudsmanAndItsChannels(String policy) throws IOException {
        PolicyProfile p = load(policy);
        assertThat(p.ombudsman().phone()).isEqualTo("0300 111 3000");
        assertThat(p.accepting().channels()).contains("email", "phone");
        assertThat(p.accepting().escalationRefusalReasons()).contains("legal_proceedings");
        assertThat(List.of(p.stage1().maxExtensionWorkingDays(), p.stage2().maxExtensionWorkingDays()))
                .allMatch(days -> days > 0);
    }
}
