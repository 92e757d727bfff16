package uk.hearth.infrastructure.schedule;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Health component "scheduler": whether this node's Quartz scheduler runs, in a cluster, under which instance id;
 * each job's last and next firing (whichever node fired it); and the nodes that checked in. DOWN when the
 * scheduler is not running, or the job store cannot be read.
 */
class SchedulerHealthIndicator implements HealthIndicator {
    static final String GROUP = "hearth";

    private final Scheduler scheduler;
    private final JdbcClient jdbc;

    SchedulerHealthIndicator(Scheduler scheduler, JdbcClient jdbc) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        try {
            SchedulerMetaData meta = scheduler.getMetaData();
            boolean running = meta.isStarted() && !meta.isInStandbyMode() && !meta.isShutdown();
            Health.Builder health = running ? Health.up() : Health.down();
            health.withDetail("state", meta.isShutdown() ? "shut down" : !meta.isStarted() ? "not started"
                            : meta.isInStandbyMode() ? "standby" : "started")
                    .withDetail("name", meta.getSchedulerName())
                    .withDetail("instanceId", meta.getSchedulerInstanceId())
                    .withDetail("clustered", meta.isJobStoreClustered())
                    .withDetail("jobStore", meta.getJobStoreClass().getSimpleName());
            if (meta.getRunningSince() != null) {
                health.withDetail("runningSince", meta.getRunningSince().toInstant().toString());
            }
            if (meta.isShutdown()) {
                return health.build();
            }
            return health.withDetail("jobs", jobs()).withDetail("nodes", nodes(meta.getSchedulerName())).build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.toString()).build();
        }
    }

    private Map<String, Object> jobs() throws Exception {
        Map<String, Object> jobs = new LinkedHashMap<>();
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            for (Trigger trigger : scheduler.getTriggersOfJob(key)) {
                Map<String, Object> job = new LinkedHashMap<>();
                if (trigger instanceof CronTrigger cron) {
                    job.put("cron", cron.getCronExpression());
                }
                job.put("state", scheduler.getTriggerState(trigger.getKey()).name());
                job.put("lastFire", iso(trigger.getPreviousFireTime()));
                job.put("nextFire", iso(trigger.getNextFireTime()));
                jobs.put(key.getName(), job);
            }
        }
        return jobs;
    }

    private List<Map<String, Object>> nodes(String schedulerName) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        jdbc.sql("select instance_name, last_checkin_time from qrtz_scheduler_state where sched_name = ?"
                        + " order by instance_name")
                .param(schedulerName)
                .query(rs -> {
                    Map<String, Object> node = new LinkedHashMap<>();
                    node.put("instanceId", rs.getString("instance_name"));
                    node.put("lastCheckin", iso(new Date(rs.getLong("last_checkin_time"))));
                    nodes.add(node);
                });
        return nodes;
    }

    private static String iso(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
