package uk.hearth.channel.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;
import uk.hearth.complaint.Cases;
import uk.hearth.message.ChannelId;
import uk.hearth.message.OutboundReply;
import uk.hearth.message.ChannelUnavailable;
import uk.hearth.message.DeliveryRefused;

/** Sending through the SDK to a stand-in for Twilio's API: the WhatsApp window, templates, refusals, health. */
class TwilioOutboundTest {
    static final String ACCOUNT = "ACunit000000000000000000000000000";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
    static final String PHONE = "+447700900123";

    @RegisterExtension
    static WireMockExtension twilioApi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    final List<String> events = new ArrayList<>();
    final Cases cases = (Cases) Proxy.newProxyInstance(Cases.class.getClassLoader(), new Class<?>[] {Cases.class},
            (proxy, method, args) -> {
                if (method.getName().equals("recordEvent")) {
                    events.add(args[1] + ": " + args[2]);
                }
                return null;
            });
    Instant lastWrote;

    final TwilioRecords records = new TwilioRecords(null) {
        @Override
        Optional<Instant> lastWhatsAppFrom(String phone) {
            return Optional.ofNullable(lastWrote);
        }

        @Override
        Optional<Outgoing> outgoing(long outboundId) {
            return Optional.of(new Outgoing(7, "HRT-2026-000007"));
        }
    };

    @BeforeEach
    void twilioAccepts() {
        twilioApi.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"sid\": \"SMsent\"}")));
    }

    TwilioProperties settings(String contentSid) {
        return new TwilioProperties(ACCOUNT, "token", "http://127.0.0.1:" + twilioApi.getPort(), "+441619999000",
                null, new TwilioProperties.WhatsApp("whatsapp:+441619999001", contentSid, Map.of("1", "{{reference}}")),
                new TwilioProperties.Media(true, DataSize.ofMegabytes(5)), true, Duration.ofSeconds(5));
    }

    TwilioHealthIndicator health;

    TwilioOutbound outbound(TwilioProperties settings, boolean withClient) {
        TwilioRestClient client = withClient ? new TwilioRestClient.Builder(ACCOUNT, "token")
                .httpClient(new NetworkHttpClient(TwilioHttp.builder(settings.apiBaseUrl(), Duration.ofSeconds(5))))
                .build() : null;
        health = new TwilioHealthIndicator(settings, Clock.fixed(NOW, ZoneOffset.UTC));
        return new TwilioOutbound(settings, client, records, cases, "https://hearth.example", "Test Homes",
                new TwilioMetrics(new SimpleMeterRegistry()), health, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    Map<String, String> lastRequest() {
        var all = twilioApi.findAll(postRequestedFor(urlEqualTo(MESSAGES)));
        return TwilioWebhookClient.form(all.get(all.size() - 1).getBodyAsString());
    }

    @Test
    void anSmsGoesFromTheLandlordsNumberWithAStatusCallback() {
        String sid = outbound(settings(null), true).send(new OutboundReply(ChannelId.of("sms"), PHONE, null, "Ref HRT-2026-000007"), "7");

        assertThat(sid).isEqualTo("SMsent");
        assertThat(lastRequest()).containsEntry("To", PHONE).containsEntry("From", "+441619999000")
                .containsEntry("Body", "Ref HRT-2026-000007")
                .containsEntry("StatusCallback", "https://hearth.example/webhooks/twilio/status");
    }

    @Test
    void insideTheWindowWhatsAppIsFreeText() {
        lastWrote = NOW.minus(Duration.ofHours(23)).minus(Duration.ofMinutes(50));

        outbound(settings("HXtemplate"), true).send(new OutboundReply(ChannelId.of("whatsapp"), PHONE, null, "Hello"), "7");

        assertThat(lastRequest()).containsEntry("To", "whatsapp:" + PHONE).containsEntry("Body", "Hello")
                .doesNotContainKey("ContentSid");
        assertThat(events).isEmpty();
    }

    @Test
    void inTheLastMinutesOfTheWindowOrAfterItTheTemplateGoes() {
        lastWrote = NOW.minus(Duration.ofHours(23)).minus(Duration.ofMinutes(57));

        outbound(settings("HXtemplate"), true).send(new OutboundReply(ChannelId.of("whatsapp"), PHONE, null, "Hello"), "7");

        assertThat(lastRequest()).containsEntry("ContentSid", "HXtemplate")
                .containsEntry("ContentVariables", "{\"1\":\"HRT-2026-000007\"}").doesNotContainKey("Body");
        assertThat(events).singleElement().asString().startsWith("whatsapp_template");
    }

    @Test
    void outsideTheWindowWithoutATemplateItIsRefusedWithoutAskingTwilio() {
        lastWrote = null;

        assertThatThrownBy(() -> outbound(settings(null), true).send(new OutboundReply(ChannelId.of("whatsapp"), PHONE, null, "Hello"), "7"))
                .isInstanceOf(DeliveryRefused.class).hasMessageContaining("24-hour window")
                .satisfies(e -> assertThat(((DeliveryRefused) e).recipientOptedOut()).isFalse());
        assertThat(twilioApi.findAll(postRequestedFor(urlEqualTo(MESSAGES)))).isEmpty();
    }

    @Test
    void withoutCredentialsTheChannelIsUnavailable() {
        assertThatThrownBy(() -> outbound(settings(null), false).send(new OutboundReply(ChannelId.of("sms"), PHONE, null, "Hello"), "7"))
                .isInstanceOf(ChannelUnavailable.class).hasMessageContaining("not configured");
    }

    @Test
    void rejectedCredentialsTakeHealthDownUntilASendSucceeds() {
        TwilioOutbound outbound = outbound(settings(null), true);
        var rejected = twilioApi.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 20003, \"message\": \"Authenticate\", \"status\": 401}")));

        assertThatThrownBy(() -> outbound.send(new OutboundReply(ChannelId.of("sms"), PHONE, null, "Hello"), "7"))
                .isInstanceOf(ChannelUnavailable.class);
        assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");

        twilioApi.removeStub(rejected);
        outbound.send(new OutboundReply(ChannelId.of("sms"), PHONE, null, "Hello"), "7");
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
    }
}
