package uk.hearth.channel.spi;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;

/**
 * A provider's request as it reached Hearth, before anything in it is trusted: what a {@link RequestVerifier}
 * checks and an {@link InboundMapper} reads. On the way out, a {@link ReplyMapper} may produce one too.
 *
 * @param url     the public URL the provider called (what it signs), or for a reply the URL to call
 * @param headers header names are matched without regard to case
 * @param body    the bytes as sent; never null
 */
public record ProviderRequest(String url, Map<String, String> headers, byte[] body) {

    public ProviderRequest {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    copy.put(name, value);
                }
            });
        }
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    public static ProviderRequest of(String url, Map<String, String> headers, String body) {
        return new ProviderRequest(url, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The request a route received: the URL it was called on, the named headers that were sent (a verifier needs
     * no others; nothing else of the request travels on) and the body as sent.
     */
    public static ProviderRequest from(Exchange exchange, String... headers) {
        Map<String, String> sent = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : headers) {
            String value = exchange.getIn().getHeader(name, String.class);
            if (value != null) {
                sent.put(name, value);
            }
        }
        return new ProviderRequest(exchange.getIn().getHeader(Exchange.HTTP_URL, String.class), sent,
                exchange.getIn().getBody(byte[].class));
    }

    /** The header's value, or null when it was not sent. */
    public String header(String name) {
        return headers.get(name);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
