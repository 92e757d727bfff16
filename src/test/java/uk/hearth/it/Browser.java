package uk.hearth.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client that does not follow redirects, so tests see what a browser is told. */
final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Browser(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> get(String path, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Api-Key", apiKey).GET());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    HttpResponse<String> postJson(String path, String apiKey, String json) {
        return post(path, apiKey, "application/json", json);
    }

    HttpResponse<String> post(String path, String apiKey, String contentType, String body) {
        return post(path, apiKey, contentType, body, null, null);
    }

    /** A POST with one extra header (a provider's signature), left out when its value is null. */
    HttpResponse<String> post(String path, String apiKey, String contentType, String body, String header,
                              String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (header != null && value != null) {
            request.header(header, value);
        }
        return send(request);
    }

    /** Fields of the form on the page at {@code path}: its CSRF token and form token. */
    Map<String, String> formFrom(String path) {
        String page = get(path).body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", find(CSRF, page));
        Matcher token = FORM_TOKEN.matcher(page);
        if (token.find()) {
            fields.put("formToken", token.group(1));
        }
        return fields;
    }

    void logIn(String username, String password) {
        Map<String, String> fields = formFrom("/login");
        fields.put("username", username);
        fields.put("password", password);
        HttpResponse<String> response = postForm("/login", fields);
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.headers().map());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String find(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " in page:\n" + page);
        }
        return matcher.group(1);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
