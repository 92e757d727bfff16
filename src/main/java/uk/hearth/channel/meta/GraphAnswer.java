package uk.hearth.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;

/**
 * What the Graph API's answer to a send means for the outbox (Messenger Platform error codes):
 * <ul>
 *   <li>{@link Kind#TOKEN_REJECTED}: 190 (and the older 102): the access token is revoked or expired. Nothing
 *       sends until it works again.</li>
 *   <li>{@link Kind#REFUSED}: this recipient cannot get this message, for good: outside the messaging window
 *       (10 / 2018278), the person is unavailable (551; 200 / 1545041) or unknown (100 / 2018001).</li>
 *   <li>{@link Kind#RETRY}: rate limits (HTTP 429; codes 4, 17, 32, 613, 80006), Meta's own failures (5xx, codes 1
 *       and 2, {@code is_transient}) and anything not understood: retried with backoff.</li>
 * </ul>
 */
record GraphAnswer(Kind kind, String messageId, String detail) {
    /** Jackson 2: the answer is read inside a Camel route. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> RATE_LIMITS = Set.of(4, 17, 32, 613, 80006);
    private static final Set<Integer> WINDOW_CLOSED = Set.of(2018278, 2018065);

    enum Kind { SENT, TOKEN_REJECTED, REFUSED, RETRY }

    static GraphAnswer of(int status, String body) {
        JsonNode json = read(body);
        if (status / 100 == 2) {
            String mid = json.path("message_id").asText(null);
            return new GraphAnswer(Kind.SENT, mid, "sent");
        }
        JsonNode error = json.path("error");
        int code = error.path("code").asInt(-1);
        int subcode = error.path("error_subcode").asInt(-1);
        String detail = "Graph API " + status + ", error " + code + (subcode > 0 ? "/" + subcode : "") + ": "
                + error.path("message").asText("no error message");
        if (code == 190 || code == 102) {
            return new GraphAnswer(Kind.TOKEN_REJECTED, null, detail);
        }
        if (code == 10 && WINDOW_CLOSED.contains(subcode)) {
            return new GraphAnswer(Kind.REFUSED, null, "outside Meta's messaging window (" + detail + ")");
        }
        if (code == 551 || code == 200 && subcode == 1545041 || code == 100 && subcode == 2018001) {
            return new GraphAnswer(Kind.REFUSED, null, "the person cannot be messaged here (" + detail + ")");
        }
        if (status == 429 || RATE_LIMITS.contains(code)) {
            return new GraphAnswer(Kind.RETRY, null, "rate limited (" + detail + ")");
        }
        return new GraphAnswer(Kind.RETRY, null, detail);
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
