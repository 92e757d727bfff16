package uk.hearth.it;

import org.springframework.test.context.TestPropertySource;

/** The email channel on the embedded default database. */
@TestPropertySource(locations = "classpath:it/h2.properties")
class EmailH2IT extends EmailScenarios {
}
