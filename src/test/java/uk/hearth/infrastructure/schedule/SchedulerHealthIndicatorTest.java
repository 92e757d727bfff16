package uk.hearth.infrastructure.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class SchedulerHealthIndicatorTest {
    private final H2Schema db = new H2Schema();
    private final Scheduler scheduler = scheduler();
    private final SchedulerHealthIndicator health = new SchedulerHealthIndicator(scheduler, db.jdbc);

    private static Scheduler scheduler() {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "health-" + UUID.randomUUID());
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        try {
            Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.scheduleJob(JobBuilder.newJob(Nothing.class).withIdentity("sla-watchdog", "hearth").build(),
                    TriggerBuilder.newTrigger().withIdentity("sla-watchdog", "hearth")
                            .withSchedule(CronScheduleBuilder.cronSchedule("0 */5 * * * ?")).build());
            return scheduler;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static class Nothing implements Job {
        @Override
        public void execute(org.quartz.JobExecutionContext context) {
        }
    }

    @AfterEach
    void shutDown() throws Exception {
        scheduler.shutdown();
    }

    @Test
    void downUntilStarted() {
        Health before = health.health();

        assertThat(before.getStatus()).isEqualTo(Status.DOWN);
        assertThat(before.getDetails()).containsEntry("state", "not started");
    }

    @Test
    void upWhenStartedWithEachJobsCronAndNextFiring() throws Exception {
        scheduler.start();

        Health running = health.health();

        assertThat(running.getStatus()).isEqualTo(Status.UP);
        assertThat(running.getDetails()).containsEntry("state", "started").containsEntry("clustered", false)
                .containsKey("instanceId").containsKey("runningSince");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> jobs = (Map<String, Map<String, Object>>) running.getDetails().get("jobs");
        assertThat(jobs.get("sla-watchdog")).containsEntry("cron", "0 */5 * * * ?").containsEntry("state", "NORMAL")
                .containsKey("lastFire");
        assertThat(jobs.get("sla-watchdog").get("nextFire")).isNotNull();
    }

    @Test
    void aContextRestartBringsTheSchedulerBackFromStandby() throws Exception {
        SchedulerRestart restart = new SchedulerRestart(scheduler);
        restart.start();
        assertThat(scheduler.isStarted()).as("the first start is camel-quartz's").isFalse();

        scheduler.start();
        scheduler.standby();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(restart.isRunning()).isFalse();

        restart.start();
        assertThat(restart.isRunning()).isTrue();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downOnceShutDown() throws Exception {
        scheduler.start();
        scheduler.shutdown();

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("state", "shut down");
    }
}
