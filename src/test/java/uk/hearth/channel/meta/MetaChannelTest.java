package uk.hearth.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetaChannelTest {

    static MetaProperties properties(String pageToken, String igToken, String appSecret, String igSecret) {
        return new MetaProperties("https://graph.facebook.com/", "", "v23.0", appSecret, igSecret, "verify",
                pageToken, igToken, Duration.ofHours(24), new MetaProperties.Attachments(true, 1000,
                Duration.ofSeconds(5), List.of("fbcdn.net"), Duration.ofDays(3)));
    }

    @Test
    void withoutSecretsNeitherChannelIsConfiguredAndHealthSaysWhatIsMissing() {
        MetaChannel messenger = MetaChannel.messenger(properties(null, null, null, null));
        MetaChannel instagram = MetaChannel.instagram(properties("", " ", "", null));

        assertThat(messenger.configured()).isFalse();
        assertThat(messenger.missing()).containsExactly("HEARTH_META_PAGE_ACCESS_TOKEN", "HEARTH_META_APP_SECRET");
        assertThat(instagram.configured()).isFalse();
        assertThat(messenger.toString()).contains("not configured");
    }

    @Test
    void instagramUsesThePageTokenUnlessItHasItsOwn() {
        MetaChannel facebookLogin = MetaChannel.instagram(properties("page-token", null, "app", null));
        MetaChannel instagramLogin = MetaChannel.instagram(properties("page-token", "ig-token", "app", "ig-app"));

        assertThat(facebookLogin.accessToken()).isEqualTo("page-token");
        assertThat(facebookLogin.appSecret()).isEqualTo("app");
        assertThat(instagramLogin.accessToken()).isEqualTo("ig-token");
        assertThat(instagramLogin.appSecret()).isEqualTo("ig-app");
        assertThat(instagramLogin.sendUrl()).isEqualTo("https://graph.facebook.com/v23.0/me/messages");
        assertThat(instagramLogin.toString()).doesNotContain("ig-token", "ig-app");
    }

    @Test
    void textIsShortenedAtAWordToTheChannelsLimit() {
        MetaChannel messenger = MetaChannel.messenger(properties("t", null, "s", null));
        MetaChannel instagram = MetaChannel.instagram(properties("t", null, "s", null));
        String long2100 = "word ".repeat(420);
        String welsh = "ŵŷ ".repeat(300);

        assertThat(messenger.fit("short")).isEqualTo("short");
        assertThat(messenger.fit(long2100)).hasSizeLessThanOrEqualTo(2000).endsWith("word…");
        assertThat(instagram.fit(welsh).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000);
        assertThat(instagram.fit(welsh)).endsWith("ŵŷ…");
        assertThat(instagram.fit("x".repeat(1500)).getBytes(StandardCharsets.UTF_8)).hasSize(1000);
    }
}
