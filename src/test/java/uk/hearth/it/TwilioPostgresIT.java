package uk.hearth.it;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Production's database: PostgreSQL on 127.0.0.1:5432, in this suite's own schema, rebuilt for each run. */
@TestPropertySource(locations = "classpath:it/postgres.properties", properties = "hearth.it.suite=twilio")
@Import(CleanPostgresSchema.class)
class TwilioPostgresIT extends TwilioScenarios {
}
