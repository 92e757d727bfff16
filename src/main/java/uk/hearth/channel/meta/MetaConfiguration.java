package uk.hearth.channel.meta;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.hearth.config.HearthProperties;
import uk.hearth.infrastructure.intake.IntakeService;
import uk.hearth.infrastructure.persistence.JdbcOutbox;

/**
 * Wires the Messenger and Instagram channel. The routes in {@code routes/meta.camel.yaml} call the beans named
 * here; health components {@code messenger} and {@code instagram} come from the two indicator beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetaProperties.class)
class MetaConfiguration {

    @Bean
    MetaChannels metaChannels(MetaProperties properties, Clock clock) {
        return new MetaChannels(properties, clock);
    }

    @Bean
    HealthIndicator messengerHealthIndicator(MetaChannels channels) {
        return channels.messenger();
    }

    @Bean
    HealthIndicator instagramHealthIndicator(MetaChannels channels) {
        return channels.instagram();
    }

    @Bean(destroyMethod = "close")
    MetaAttachments metaAttachments(MetaProperties properties, JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        return new MetaAttachments(properties.attachments(), new MetaAttachmentStore(jdbc), clock, meters);
    }

    @Bean
    MetaWebhook metaWebhook(MetaProperties properties, IntakeService intake, MetaAttachments attachments,
                            JdbcClient jdbc, JdbcOutbox outbox, Clock clock, MeterRegistry meters) {
        return new MetaWebhook(properties, new MetaWebhookMapper(), intake, attachments,
                new MetaReceipts(jdbc, outbox), meters, clock);
    }

    @Bean
    MetaReply metaReply(MetaChannels channels, MetaProperties properties, HearthProperties hearth, JdbcClient jdbc,
                        Clock clock, MeterRegistry meters) {
        return new MetaReply(channels, new MetaMessagingWindow(jdbc, properties.messagingWindow(),
                hearth.calendar().zone()), clock, meters);
    }

    @Bean
    MetaGraphRequests metaGraph(MetaChannels channels) {
        return new MetaGraphRequests(channels);
    }

    @Bean
    MetaTokenCheck metaTokenCheck(MetaChannels channels) {
        return new MetaTokenCheck(channels);
    }
}
