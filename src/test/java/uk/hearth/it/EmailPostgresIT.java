package uk.hearth.it;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The email channel on PostgreSQL, in a schema rebuilt for the run. */
@TestPropertySource(locations = "classpath:it/postgres.properties")
@Import(CleanPostgresSchema.class)
class EmailPostgresIT extends EmailScenarios {
}
