package uk.hearth.it;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Production's database: PostgreSQL on 127.0.0.1:5432, in a schema rebuilt for each run. */
@TestPropertySource(locations = "classpath:it/postgres.properties")
@Import(IntakePostgresIT.CleanSchema.class)
class IntakePostgresIT extends IntakeScenarios {

    @TestConfiguration(proxyBeanMethods = false)
    static class CleanSchema {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }
}
