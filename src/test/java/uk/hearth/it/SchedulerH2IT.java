package uk.hearth.it;

import org.springframework.test.context.TestPropertySource;

/**
 * The embedded default: H2 in PostgreSQL mode, in an in-memory database of its own. The other suites share
 * theirs, and this context's outbox dispatcher and jobs, running every two seconds, would work on their rows.
 */
@TestPropertySource(locations = "classpath:it/h2.properties", properties = "spring.datasource.url=jdbc:h2:mem:"
        + "hearth-it-scheduler;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
class SchedulerH2IT extends SchedulerScenarios {
}
