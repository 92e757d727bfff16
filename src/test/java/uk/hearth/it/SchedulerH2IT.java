package uk.hearth.it;

import org.springframework.test.context.TestPropertySource;

/**
 * The embedded default: H2 in PostgreSQL mode. A scheduler name of its own keeps this context's jobs apart
 * from the other suites' contexts, which share the in-memory database and would otherwise join its cluster.
 */
@TestPropertySource(locations = "classpath:it/h2.properties", properties = "spring.quartz.scheduler-name=hearth-it-h2")
class SchedulerH2IT extends SchedulerScenarios {
}
