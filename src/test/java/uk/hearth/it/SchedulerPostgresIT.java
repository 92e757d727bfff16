package uk.hearth.it;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Production's database: PostgreSQL on 127.0.0.1:5432, in a schema rebuilt for each run. The schema is this
 * suite's own ({@code <HEARTH_TEST_PG_SCHEMA>_jobs}): the other suites' contexts stay alive on theirs, and
 * this context's outbox dispatcher and jobs would otherwise work on their rows.
 */
@TestPropertySource(locations = "classpath:it/postgres.properties", properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=${HEARTH_TEST_PG_SCHEMA:hearth_it}_jobs",
        "spring.flyway.schemas=${HEARTH_TEST_PG_SCHEMA:hearth_it}_jobs"})
@Import(CleanPostgresSchema.class)
class SchedulerPostgresIT extends SchedulerScenarios {
}
