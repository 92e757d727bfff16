package uk.hearth.channel.meta;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The HTTP side of a Graph API call made by a route: which channel's token, where, and how. The route clears every
 * header before {@link #authorize} so nothing of ours (the resident's id, our subject line) travels as an HTTP
 * header; the token goes in {@code Authorization}, never in the address, so it is in no endpoint name or log.
 */
public final class MetaGraphRequests {
    static final String CHANNEL = "hearthMetaChannel";
    static final String URL = "hearthMetaUrl";
    static final String METHOD = "hearthMetaMethod";

    private final MetaChannels channels;

    MetaGraphRequests(MetaChannels channels) {
        this.channels = channels;
    }

    static void target(Exchange exchange, MetaChannel channel, String method, String url) {
        exchange.setProperty(CHANNEL, channel.id().value());
        exchange.setProperty(METHOD, method);
        exchange.setProperty(URL, url);
    }

    static MetaChannelStatus channel(Exchange exchange, MetaChannels channels) {
        String name = exchange.getProperty(CHANNEL, String.class);
        return channels.byName(name).orElseThrow(() -> new IllegalStateException("not a Meta channel: " + name));
    }

    public void authorize(Exchange exchange) {
        MetaChannel channel = channel(exchange, channels).channel();
        Message in = exchange.getIn();
        in.setHeader(Exchange.HTTP_METHOD, exchange.getProperty(METHOD, String.class));
        in.setHeader("Authorization", "Bearer " + channel.accessToken());
        if ("POST".equals(exchange.getProperty(METHOD, String.class))) {
            in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        // Graph checks this when the app requires it ("Require App Secret"); it proves the caller holds the secret.
        String query = "GET".equals(exchange.getProperty(METHOD, String.class)) ? "fields=id&" : "";
        if (channel.appSecret() != null) {
            query += "appsecret_proof=" + MetaSignatureVerifier.proof(channel.accessToken(), channel.appSecret());
        }
        if (!query.isEmpty()) {
            in.setHeader(Exchange.HTTP_QUERY, query.endsWith("&") ? query.substring(0, query.length() - 1) : query);
        }
    }
}
