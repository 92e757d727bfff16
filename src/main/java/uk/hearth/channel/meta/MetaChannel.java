package uk.hearth.channel.meta;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.hearth.channel.spi.ProviderRequest;
import uk.hearth.channel.spi.ReplyMapper;
import uk.hearth.message.DeliveryRefused;
import uk.hearth.message.OutboundReply;
import uk.hearth.message.ChannelId;

/**
 * What differs between Messenger and Instagram: the webhook's {@code object}, where replies go, the token and
 * secret they use, and how long a message may be (Messenger: 2,000 characters; Instagram: 1,000 bytes).
 *
 * @param appSecret the secret of the app the token belongs to, for {@code appsecret_proof}; null when unset
 */
record MetaChannel(ChannelId id, String object, String graphUrl, String accessToken, String appSecret,
                   int maxLength, boolean lengthInBytes, List<String> missing) implements ReplyMapper<ProviderRequest> {

    static final ChannelId MESSENGER = ChannelId.of("messenger");
    static final ChannelId INSTAGRAM = ChannelId.of("instagram");
    private static final String ELLIPSIS = "…";
    /** Jackson 2: the request is written inside a Camel route. */
    private static final ObjectMapper JSON = new ObjectMapper();

    static MetaChannel messenger(MetaProperties p) {
        List<String> missing = new ArrayList<>();
        if (!MetaProperties.present(p.pageAccessToken())) {
            missing.add("HEARTH_META_PAGE_ACCESS_TOKEN");
        }
        if (!MetaProperties.present(p.appSecret())) {
            missing.add("HEARTH_META_APP_SECRET");
        }
        return new MetaChannel(MESSENGER, "page", versioned(p.graphBaseUrl(), p.apiVersion()),
                blankToNull(p.pageAccessToken()), blankToNull(p.appSecret()), 2000, false, List.copyOf(missing));
    }

    /** An Instagram-Login app has a token and secret of its own; a Facebook-Login one uses the page's. */
    static MetaChannel instagram(MetaProperties p) {
        boolean ownToken = MetaProperties.present(p.instagramAccessToken());
        String token = ownToken ? p.instagramAccessToken() : p.pageAccessToken();
        String secret = ownToken && MetaProperties.present(p.instagramAppSecret()) ? p.instagramAppSecret()
                : MetaProperties.present(p.appSecret()) ? p.appSecret() : p.instagramAppSecret();
        List<String> missing = new ArrayList<>();
        if (!MetaProperties.present(token)) {
            missing.add("HEARTH_META_INSTAGRAM_ACCESS_TOKEN or HEARTH_META_PAGE_ACCESS_TOKEN");
        }
        if (!MetaProperties.present(secret)) {
            missing.add("HEARTH_META_INSTAGRAM_APP_SECRET or HEARTH_META_APP_SECRET");
        }
        String base = MetaProperties.present(p.instagramGraphBaseUrl()) ? p.instagramGraphBaseUrl() : p.graphBaseUrl();
        return new MetaChannel(INSTAGRAM, "instagram", versioned(base, p.apiVersion()), blankToNull(token),
                blankToNull(secret), 1000, true, List.copyOf(missing));
    }

    boolean configured() {
        return missing.isEmpty();
    }

    /** The Send API. With a page token {@code me} is the page (or its Instagram account). */
    String sendUrl() {
        return graphUrl + "/me/messages";
    }

    /**
     * The Send API request for a reply: {@code {recipient, messaging_type: RESPONSE, message.text}}, the text fitted
     * to the channel's limit. The token is added when the request is sent, never kept in it.
     */
    @Override
    public ProviderRequest map(OutboundReply reply, String replyId) {
        if (reply.recipient() == null || reply.recipient().isBlank()) {
            throw new DeliveryRefused("no " + id + " id to send to", false);
        }
        ObjectNode request = JSON.createObjectNode();
        request.putObject("recipient").put("id", reply.recipient());
        request.put("messaging_type", "RESPONSE");
        request.putObject("message").put("text", fit(reply.body().strip()));
        return ProviderRequest.of(sendUrl(), Map.of("Content-Type", "application/json"), request.toString());
    }

    /** A cheap call that only succeeds with a valid token. */
    String tokenCheckUrl() {
        return graphUrl + "/me";
    }

    /** The text, shortened at a word if the channel would refuse it as too long. */
    String fit(String text) {
        if (length(text) <= maxLength) {
            return text;
        }
        int end = text.length();
        while (end > 0 && length(text.substring(0, end) + ELLIPSIS) > maxLength) {
            end = Math.max(0, text.lastIndexOf(' ', end - 1));
        }
        String cut = end > maxLength / 2 ? text.substring(0, end) : hardCut(text);
        return cut.stripTrailing() + ELLIPSIS;
    }

    private String hardCut(String text) {
        int end = Math.min(text.length(), maxLength - 1);
        while (end > 0 && length(text.substring(0, end) + ELLIPSIS) > maxLength) {
            end--;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    int length(String text) {
        return lengthInBytes ? text.getBytes(StandardCharsets.UTF_8).length : text.codePointCount(0, text.length());
    }

    private static String versioned(String base, String version) {
        String host = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return host + "/" + version;
    }

    private static String blankToNull(String value) {
        return MetaProperties.present(value) ? value.strip() : null;
    }

    @Override
    public String toString() {
        return "MetaChannel[" + id + ", " + graphUrl + (configured() ? "" : ", not configured") + "]";
    }
}
