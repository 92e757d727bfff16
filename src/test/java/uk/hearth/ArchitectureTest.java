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

    @Test
    void channelsDoNotDependOnEachOther() {
        for (String channel : new String[] {"api", "web", "staff"}) {
            String own = "uk.hearth.channel." + channel + "..";
            noClasses().that().resideInAPackage(own)
                    .should().dependOnClassesThat(resideInAPackage("uk.hearth.channel..")
                            .and(DescribedPredicate.not(resideInAPackage(own))))
                    .check(HEARTH);
        }
    }
}
