package uk.hearth.channel.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.hearth.message.Attachment;

/** Media are fetched from Twilio's hosts only, with the account's credentials, within the size limit. */
class TwilioMediaTest {
    static final String MEDIA = "/2010-04-01/Accounts/ACx/Messages/MMx/Media/";

    @RegisterExtension
    static WireMockExtension twilioApi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    TwilioMedia media(long maxBytes) {
        return new TwilioMedia(TwilioHttp.builder("http://127.0.0.1:" + twilioApi.getPort(), Duration.ofSeconds(5))
                .disableRedirectHandling().build(), "ACx", "secret", maxBytes, true);
    }

    static TwilioInboundMapper.MediaRef ref(int index, String url, String type) {
        return new TwilioInboundMapper.MediaRef(index, url, type);
    }

    @Test
    void onlyHttpsAddressesOnTwilioHostsAreTwilios() {
        assertThat(TwilioMedia.isTwilioHost("https://api.twilio.com" + MEDIA + "ME1")).isTrue();
        assertThat(TwilioMedia.isTwilioHost("https://media.us1.twilio.com/x")).isTrue();
        assertThat(TwilioMedia.isTwilioHost("http://api.twilio.com/x")).isFalse();
        assertThat(TwilioMedia.isTwilioHost("https://api.twilio.com.evil.example/x")).isFalse();
        assertThat(TwilioMedia.isTwilioHost("https://169.254.169.254/latest/meta-data")).isFalse();
        assertThat(TwilioMedia.isTwilioHost("not a url")).isFalse();
    }

    @Test
    void aRedirectToTwiliosStoreIsFollowedWithoutTheAccountsCredentials() {
        twilioApi.stubFor(get(urlEqualTo(MEDIA + "ME1")).withBasicAuth("ACx", "secret")
                .willReturn(aResponse().withStatus(307).withHeader("Location", "https://api.twilio.com/store/ME1?sig=1")));
        twilioApi.stubFor(get(urlEqualTo("/store/ME1?sig=1")).withHeader("Authorization", absent())
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(new byte[300])));

        List<Attachment> kept = media(1000).attachments(List.of(ref(0, "https://api.twilio.com" + MEDIA + "ME1",
                "image/jpeg")));

        assertThat(kept).singleElement().satisfies(a -> {
            assertThat(a.content()).hasSize(300);
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.name()).isEqualTo("media-0.jpg");
            assertThat(a.note()).isNull();
        });
        twilioApi.verify(1, getRequestedFor(urlEqualTo("/store/ME1?sig=1")).withHeader("Authorization", absent()));
    }

    @Test
    void mediaOverTheLimitAreLinkedNotKeptWhetherOrNotTheirLengthIsDeclared() {
        twilioApi.stubFor(get(urlEqualTo(MEDIA + "BIG")).willReturn(aResponse().withBody(new byte[5000])));
        twilioApi.stubFor(get(urlEqualTo(MEDIA + "STREAMED")).willReturn(aResponse().withBody(new byte[5000])
                .withChunkedDribbleDelay(5, 50)));
        twilioApi.stubFor(get(urlEqualTo(MEDIA + "GONE")).willReturn(aResponse().withStatus(404)));

        List<Attachment> result = media(1000).attachments(List.of(
                ref(0, "https://api.twilio.com" + MEDIA + "BIG", "video/mp4"),
                ref(1, "https://api.twilio.com" + MEDIA + "STREAMED", "video/mp4"),
                ref(2, "https://api.twilio.com" + MEDIA + "GONE", "image/jpeg"),
                ref(3, "https://files.example.org/cat.jpg", "image/jpeg")));

        assertThat(result).extracting(Attachment::content).containsOnlyNulls();
        assertThat(result.get(0).note()).contains("larger than");
        assertThat(result.get(0).url()).endsWith("BIG");
        assertThat(result.get(1).note()).contains("larger than");
        assertThat(result.get(2).note()).contains("HTTP 404");
        assertThat(result.get(3).note()).contains("not on a Twilio host");
    }

    @Test
    void theRoutePlannerSendsOnlyTwiliosApiHostToTheConfiguredOne() throws Exception {
        var planner = new TwilioHttp.ApiRoute(TwilioHttp.target("http://127.0.0.1:9999"));

        var context = org.apache.hc.client5.http.protocol.HttpClientContext.create();
        var twilio = planner.determineRoute(new org.apache.hc.core5.http.HttpHost("https", "api.twilio.com", 443),
                context);
        var other = planner.determineRoute(new org.apache.hc.core5.http.HttpHost("https", "example.org", 443),
                context);

        assertThat(twilio.getTargetHost().toURI()).isEqualTo("http://127.0.0.1:9999");
        assertThat(twilio.isSecure()).isFalse();
        assertThat(other.getTargetHost().getHostName()).isEqualTo("example.org");
    }
}
