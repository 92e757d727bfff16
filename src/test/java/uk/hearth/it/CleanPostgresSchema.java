package uk.hearth.it;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Rebuilds the PostgreSQL test schema when a context starts, so every run begins empty. */
@TestConfiguration(proxyBeanMethods = false)
class CleanPostgresSchema {
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
