package uk.hearth.channel.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.hearth.channel.spi.ChannelInbound;

/** The Telegram channel, when {@code hearth.channels.telegram.enabled}; a missing setting stops the start, named. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hearth.channels.telegram.enabled", havingValue = "true")
@EnableConfigurationProperties(TelegramProperties.class)
class TelegramConfiguration {

    @Bean
    TelegramHealthIndicator telegramHealthIndicator(Clock clock) {
        return new TelegramHealthIndicator(clock);
    }

    @Bean
    TelegramChannel telegramChannel(TelegramProperties properties, ChannelInbound inbound,
                                    TelegramHealthIndicator health, MeterRegistry meters) {
        return new TelegramChannel(properties, inbound, health, meters);
    }
}
