package uk.hearth.it;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(locations = "classpath:it/postgres.properties")
@Import(CleanPostgresSchema.class)
class ProgressPostgresIT extends ProgressScenarios {
}
