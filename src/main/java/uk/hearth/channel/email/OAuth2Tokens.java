package uk.hearth.channel.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens for XOAUTH2 by the OAuth 2.0 client-credentials grant, cached and fetched again
 * {@code refreshBefore} ahead of their expiry, so a poll never presents an expired token.
 */
final class OAuth2Tokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmailProperties.OAuth2 settings;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    OAuth2Tokens(EmailProperties.OAuth2 settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    synchronized String current() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        if (settings.scope() != null && !settings.scope().isBlank()) {
            form.put("scope", settings.scope());
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(),
                        StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenUri()))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("token endpoint answered " + response.statusCode());
            }
            JsonNode json = JSON.readTree(response.body());
            String accessToken = json.path("access_token").asText(null);
            if (accessToken == null || accessToken.isBlank()) {
                throw new IllegalStateException("token endpoint returned no access_token");
            }
            long expiresIn = json.path("expires_in").asLong(3600);
            Instant now = clock.instant();
            Duration lifetime = Duration.ofSeconds(expiresIn);
            Duration margin = settings.refreshBefore().compareTo(lifetime.dividedBy(2)) > 0
                    ? lifetime.dividedBy(2) : settings.refreshBefore();
            token = accessToken;
            refreshAt = now.plus(lifetime).minus(margin);
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
    }
}
