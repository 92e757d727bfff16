package uk.hearth.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.hearth.channel.spi.ChannelTestKit;

/**
 * The signature vectors from Twilio's own SDK tests (fixtures/twilio/request-validator-vectors.json) behave as
 * recorded, posted through the channel test kit as Twilio posts them: a form, or JSON with the body hash in the URL.
 */
class TwilioSignatureVerifierTest {
    static final JsonNode VECTORS = load();
    static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    /** Whether the channel takes the post: the verifier's answer, as the webhook route asks it. */
    static boolean taken(String token, String url, String contentType, String body, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put(TwilioSignatureVerifier.HEADER, signature);
        ChannelTestKit<TwilioInboundMapper.Post> kit = ChannelTestKit.of(new TwilioSignatureVerifier(token),
                request -> new TwilioInboundMapper.Post(TwilioForm.parse(request.bodyText()), request.bodyText(), null),
                new TwilioInboundMapper(Map.of()));
        return !kit.receive(ChannelTestKit.post(url, headers, body)).refused();
    }

    static boolean taken(String token, String url, Map<String, List<String>> params, String signature) {
        return taken(token, url, FORM, form(params), signature);
    }

    static String form(Map<String, List<String>> params) {
        StringJoiner body = new StringJoiner("&");
        params.forEach((name, values) -> values.forEach(value -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8))));
        return body.toString();
    }

    static JsonNode load() {
        try (InputStream in = TwilioSignatureVerifierTest.class.getResourceAsStream(
                "/fixtures/twilio/request-validator-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> sdkCases() {
        List<Arguments> cases = new ArrayList<>();
        VECTORS.path("cases").forEach(c -> cases.add(Arguments.of(c.path("source_test").asText(), c)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdkCases")
    void sdkVector(String name, JsonNode c) {
        String token = VECTORS.path("auth_token").asText();
        JsonNode header = c.path("header_X-Twilio-Signature");
        String signature = header.isNull() ? null : header.asText();
        String url = c.path("url").asText();

        boolean valid = c.has("raw_body")
                ? taken(token, url, "application/json", c.path("raw_body").asText(), signature)
                : taken(token, url, params(c.path("params")), signature);

        assertThat(valid).as(name).isEqualTo(c.path("expected_valid").asBoolean());
    }

    static Stream<Arguments> nodeCases() {
        List<Arguments> cases = new ArrayList<>();
        VECTORS.path("twilio_node_behaviour_cases").path("cases").forEach(c -> cases.add(Arguments.of(
                c.path("signed_url").asText() + " <- " + c.path("request_url").asText(), c)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeCases")
    void nodeBehaviourCase(String name, JsonNode c) {
        String token = VECTORS.path("twilio_node_behaviour_cases").path("auth_token").asText();
        String signature = TwilioTestSigner.sign(token, c.path("signed_url").asText(), Map.of());

        boolean valid = taken(token, c.path("request_url").asText(), Map.of(), signature);

        assertThat(valid).as(name).isEqualTo(c.path("expected_valid").asBoolean());
    }

    @Test
    void everyPostedParameterIsCoveredIncludingOnesTwilioAddsLater() {
        String url = "https://hearth.example/webhooks/twilio";
        Map<String, List<String>> posted = new LinkedHashMap<>(Map.of("MessageSid", List.of("SM1"),
                "From", List.of("+447700900123"), "Body", List.of("hello"),
                "SomeFutureParameter", List.of("x")));
        String signature = TwilioTestSigner.sign("token", url, posted);

        assertThat(taken("token", url, posted, signature)).isTrue();

        Map<String, List<String>> tampered = new LinkedHashMap<>(posted);
        tampered.put("Body", List.of("goodbye"));
        assertThat(taken("token", url, tampered, signature)).isFalse();
        Map<String, List<String>> dropped = new LinkedHashMap<>(posted);
        dropped.remove("SomeFutureParameter");
        assertThat(taken("token", url, dropped, signature)).isFalse();
        assertThat(taken("token", "https://other.example/webhooks/twilio", posted, signature)).isFalse();
        assertThat(taken("another-token", url, posted, signature)).isFalse();
        assertThat(taken("token", url, posted, null)).isFalse();
    }

    static Map<String, List<String>> params(JsonNode node) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (node.isArray()) {
            node.forEach(pair -> params.computeIfAbsent(pair.get(0).asText(), k -> new ArrayList<>())
                    .add(pair.get(1).asText()));
        } else {
            node.fields().forEachRemaining(e -> params.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                    .add(e.getValue().isNull() ? null : e.getValue().asText()));
        }
        return params;
    }
}
