package uk.hearth.channel.twilio;

import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP clients for Twilio's API. The SDK has no base-URL setting, so requests for {@code api.twilio.com} are routed
 * to {@code hearth.twilio.api-base-url} at the connection level (the Host header stays api.twilio.com): a stub in the
 * tests, a landlord's egress proxy in production, Twilio itself by default.
 */
final class TwilioHttp {
    static final String API_HOST = "api.twilio.com";

    private TwilioHttp() {
    }

    static HttpClientBuilder builder(String apiBaseUrl, Duration timeout) {
        Timeout limit = Timeout.of(timeout);
        HttpClientBuilder builder = HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(10)
                        .setMaxConnTotal(20)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit).setSocketTimeout(limit).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit).setResponseTimeout(limit).build());
        HttpHost target = target(apiBaseUrl);
        if (!API_HOST.equalsIgnoreCase(target.getHostName()) || !"https".equalsIgnoreCase(target.getSchemeName())
                || target.getPort() != 443) {
            builder.setRoutePlanner(new ApiRoute(target));
        }
        return builder;
    }

    static HttpHost target(String apiBaseUrl) {
        URI uri = URI.create(apiBaseUrl.strip());
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("hearth.twilio.api-base-url must be an absolute URL, got " + apiBaseUrl);
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return new HttpHost(scheme, uri.getHost(), port);
    }

    /** Connections for Twilio's API host go to the configured host; every other host is reached as usual. */
    static final class ApiRoute implements HttpRoutePlanner {
        private final HttpHost target;
        private final HttpRoutePlanner usual = new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE);

        ApiRoute(HttpHost target) {
            this.target = target;
        }

        @Override
        public HttpRoute determineRoute(HttpHost host, HttpContext context) throws HttpException {
            if (host != null && API_HOST.equalsIgnoreCase(host.getHostName())) {
                return new HttpRoute(target, null, "https".equals(target.getSchemeName()));
            }
            return usual.determineRoute(host, context);
        }
    }
}
