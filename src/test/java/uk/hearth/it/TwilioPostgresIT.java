package uk.hearth.it;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * PostgreSQL, in a schema of the suite's own beside the other suites' ({@code <HEARTH_TEST_PG_SCHEMA>_twilio}),
 * rebuilt for each run: the contexts of suites that ran before stay cached with their outbox timers running, and
 * must not claim this suite's replies.
 */
@TestPropertySource(locations = "classpath:it/postgres.properties", properties = {
        "spring.datasource.hikari.schema=${HEARTH_TEST_PG_SCHEMA:hearth_it}_twilio",
        "spring.flyway.schemas=${HEARTH_TEST_PG_SCHEMA:hearth_it}_twilio"})
@Import(CleanPostgresSchema.class)
class TwilioPostgresIT extends TwilioScenarios {
}
