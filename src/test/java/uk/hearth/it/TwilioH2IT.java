package uk.hearth.it;

import org.springframework.test.context.TestPropertySource;

/** The embedded default, H2, in a database of the suite's own. */
@TestPropertySource(locations = "classpath:it/h2.properties", properties =
        "spring.datasource.url=jdbc:h2:mem:hearth-it-twilio;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH")
class TwilioH2IT extends TwilioScenarios {
}
