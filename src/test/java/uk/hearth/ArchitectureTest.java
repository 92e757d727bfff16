package uk.hearth;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core (message, intake, complaint) is plain Java: no Camel, no Spring, no servlet API, no JDBC. */
class ArchitectureTest {
    private static final JavaClasses HEARTH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.hearth");

    @Test
    void theCoreImportsNeitherFrameworksNorInfrastructure() {
        noClasses().that().resideInAnyPackage("uk.hearth.message..", "uk.hearth.intake..", "uk.hearth.complaint..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..",
                        "jakarta.servlet..", "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml.jackson..",
                        "uk.hearth.infrastructure..", "uk.hearth.channel..", "uk.hearth.web..", "uk.hearth.config..")
                .check(HEARTH);
    }

    @Test
    void messagesKnowNothingOfCasesOrIntake() {
        noClasses().that().resideInAPackage("uk.hearth.message..")
                .should().dependOnClassesThat().resideInAnyPackage("uk.hearth.intake..", "uk.hearth.complaint..")
                .check(HEARTH);
    }

    @Test
    void theComplaintCoreDoesNotDependOnIntake() {
        noClasses().that().resideInAPackage("uk.hearth.complaint..")
                .should().dependOnClassesThat().resideInAPackage("uk.hearth.intake..")
                .check(HEARTH);
    }

    /**
     * A channel is one package under {@code uk.hearth.channel} that knows the SPI and the core, never another channel:
     * adding or removing one touches no other. The SPI knows no channel.
     */
    @Test
    void channelsDependOnTheSpiAndTheCoreButNotOnEachOther() {
        java.util.Set<String> channels = new java.util.TreeSet<>();
        HEARTH.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith("uk.hearth.channel.") && !p.startsWith("uk.hearth.channel.spi"))
                .forEach(p -> channels.add(p.substring("uk.hearth.channel.".length()).split("\\.")[0]));
        org.assertj.core.api.Assertions.assertThat(channels)
                .contains("api", "email", "meta", "staff", "twilio", "web", "webhook");
        for (String channel : channels) {
            String own = "uk.hearth.channel." + channel + "..";
            noClasses().that().resideInAPackage(own)
                    .should().dependOnClassesThat(resideInAPackage("uk.hearth.channel..")
                            .and(DescribedPredicate.not(resideInAPackage(own)))
                            .and(DescribedPredicate.not(resideInAPackage("uk.hearth.channel.spi.."))))
                    .because("a channel is added or removed without touching another")
                    .check(HEARTH);
        }
        noClasses().that().resideInAPackage("uk.hearth.channel.spi..")
                .should().dependOnClassesThat().resideInAnyPackage(channels.stream()
                        .map(c -> "uk.hearth.channel." + c + "..").toArray(String[]::new))
                .check(HEARTH);
    }

    /** Nothing outside the channels names one: replies find a channel's route by convention, not from a list. */
    @Test
    void nothingOutsideTheChannelsDependsOnOne() {
        noClasses().that().resideOutsideOfPackage("uk.hearth.channel..")
                .should().dependOnClassesThat().resideInAPackage("uk.hearth.channel..")
                .check(HEARTH);
    }
}
