package uk.hearth.channel.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;
import uk.hearth.complaint.Cases;
import uk.hearth.complaint.PolicyProfile;
import uk.hearth.config.HearthProperties;
import uk.hearth.infrastructure.intake.IntakeService;
import uk.hearth.infrastructure.persistence.JdbcOutbox;
import uk.hearth.intake.RedirectingReply;

/**
 * Wires the Twilio channel. Without an account SID and auth token everything still starts: webhooks answer 503
 * without storing anything, replies wait in the outbox ({@code ChannelUnavailable}), health says not configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioProperties.class)
class TwilioConfiguration {

    /** {@code hearth.channels.sms} and {@code .whatsapp}: the words that opt a resident out or back in. */
    record ChannelWords(List<String> optOutKeywords, List<String> optInKeywords) {
    }

    @Bean
    TwilioHealthIndicator twilioHealthIndicator(TwilioProperties settings, Clock clock) {
        return new TwilioHealthIndicator(settings, clock);
    }

    @Bean
    TwilioMedia twilioMedia(TwilioProperties settings) {
        return new TwilioMedia(TwilioHttp.builder(settings.apiBaseUrl(), settings.timeout())
                .disableRedirectHandling().build(), settings.accountSid(), settings.authToken(),
                settings.media().maxBytes().toBytes(), settings.media().fetch() && settings.hasCredentials());
    }

    @Bean
    TwilioProcessing twilioProcessing() {
        return new TwilioProcessing();
    }

    @Bean
    TwilioWebhook twilioWebhook(TwilioProperties settings, HearthProperties hearth, TwilioMedia media,
                                TwilioProcessing processing, IntakeService intake, TwilioRecords records,
                                JdbcOutbox outbox, Cases cases, RedirectingReply redirecting,
                                TransactionTemplate transactions, TwilioMetrics metrics, Environment environment,
                                Clock clock) {
        TwilioSignatureVerifier verifier = settings.hasCredentials()
                ? new TwilioSignatureVerifier(settings.authToken()) : null;
        TwilioInboundMapper mapper = new TwilioInboundMapper(Map.of(
                TwilioInboundMapper.SMS, keywords(environment, "sms"),
                TwilioInboundMapper.WHATSAPP, keywords(environment, "whatsapp")));
        return new TwilioWebhook(new TwilioInbound(verifier, mapper, media, intake, processing.executor(), metrics, clock),
                new TwilioDeliveryStatus(verifier, records, outbox, cases, redirecting, transactions, metrics, clock),
                hearth.publicBaseUrl());
    }

    @Bean
    TwilioSender twilioSender(TwilioProperties settings, HearthProperties hearth, PolicyProfile profile,
                              TwilioRecords records, Cases cases, TwilioMetrics metrics, TwilioHealthIndicator health,
                              Clock clock) {
        TwilioRestClient client = settings.hasCredentials()
                ? new TwilioRestClient.Builder(settings.accountSid().strip(), settings.authToken().strip())
                        .httpClient(new NetworkHttpClient(TwilioHttp.builder(settings.apiBaseUrl(), settings.timeout())))
                        .build()
                : null;
        return new TwilioSender(new TwilioOutbound(settings, client, records, cases,
                hearth.publicBaseUrl().replaceAll("/+$", ""), profile.landlordName(), metrics, health, clock));
    }

    private static TwilioKeywords keywords(Environment environment, String channel) {
        ChannelWords words = Binder.get(environment).bind("hearth.channels." + channel, ChannelWords.class)
                .orElse(new ChannelWords(null, null));
        return TwilioKeywords.of(words.optOutKeywords(), words.optInKeywords());
    }
}
