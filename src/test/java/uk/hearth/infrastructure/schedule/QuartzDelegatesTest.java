package uk.hearth.infrastructure.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuartzDelegatesTest {
    @Test
    void postgresqlGetsItsOwnDelegateAndH2TheStandardOne() {
        assertThat(QuartzDelegates.forProduct("PostgreSQL")).isEqualTo("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        assertThat(QuartzDelegates.forProduct("H2")).isEqualTo("org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
    }
}
