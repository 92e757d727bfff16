package uk.hearth.it;

import org.springframework.test.context.TestPropertySource;

/** The embedded default: H2 in PostgreSQL mode. */
@TestPropertySource(locations = "classpath:it/h2.properties")
class IntakeH2IT extends IntakeScenarios {
}
