package uk.hearth.config;

import java.util.Properties;
import javax.sql.DataSource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.hearth.infrastructure.schedule.ClusteredJobStore;
import uk.hearth.infrastructure.schedule.QuartzDelegates;

/**
 * One Quartz scheduler per node, on Quartz's clustered JDBC job store in Hearth's database (spring.quartz.* in
 * config/application.yaml), shared with camel-quartz so that each firing of a {@code quartz:} route runs on
 * one node of the cluster.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

    /** Quartz's SQL dialect follows the database (PostgreSQL or H2), and each node keeps its own connections. */
    @Bean
    SchedulerFactoryBeanCustomizer clusteredJobStore(QuartzProperties quartz, DataSource dataSource) {
        return factory -> {
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            properties.putIfAbsent("org.quartz.jobStore.driverDelegateClass", QuartzDelegates.forDataSource(dataSource));
            properties.putIfAbsent("org.quartz.jobStore.class", ClusteredJobStore.class.getName());
            factory.setQuartzProperties(properties);
        };
    }

    /**
     * camel-quartz on the application's scheduler rather than a RAM scheduler of its own. It stores the
     * CamelContext in the scheduler's context and then starts the scheduler (spring.quartz.auto-startup is
     * false), so no job fires on a node before its routes can take it.
     */
    @Bean("quartz")
    QuartzComponent quartz(Scheduler scheduler) {
        QuartzComponent component = new QuartzComponent();
        component.setScheduler(scheduler);
        return component;
    }
}
