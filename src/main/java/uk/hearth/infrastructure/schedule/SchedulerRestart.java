package uk.hearth.infrastructure.schedule;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.context.SmartLifecycle;

/**
 * Brings the scheduler back when the application context is stopped and started again. camel-quartz starts
 * it the first time (spring.quartz.auto-startup is false, so that no job fires before the routes can run
 * it); a context stop puts it in standby, and Spring would not start it again by itself.
 */
class SchedulerRestart implements SmartLifecycle {
    private final Scheduler scheduler;

    SchedulerRestart(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        try {
            if (scheduler.isStarted() && scheduler.isInStandbyMode() && !scheduler.isShutdown()) {
                scheduler.start();
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot restart the scheduler", e);
        }
    }

    @Override
    public void stop() {
        // The scheduler's own factory bean puts it in standby.
    }

    @Override
    public boolean isRunning() {
        try {
            return scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }
}
