package uk.hearth.it;

import org.springframework.test.context.TestPropertySource;

/**
 * The embedded default: H2 in PostgreSQL mode, in a database of its own so other suites' schedulers in the same
 * JVM do not pick up this suite's outbox.
 */
@TestPropertySource(locations = "classpath:it/h2.properties", properties = "spring.datasource.url="
        + "jdbc:h2:mem:hearth-it-meta;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
class MetaH2IT extends MetaScenarios {
}
