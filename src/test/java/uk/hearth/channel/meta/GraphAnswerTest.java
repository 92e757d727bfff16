package uk.hearth.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.hearth.channel.meta.GraphAnswer.Kind;

class GraphAnswerTest {

    static String error(int code, Integer subcode, String type) {
        return "{\"error\":{\"message\":\"m\",\"type\":\"" + type + "\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"x\"}}";
    }

    @Test
    void aSendCarriesMetasMessageId() {
        GraphAnswer answer = GraphAnswer.of(200, "{\"recipient_id\":\"1254477777772919\",\"message_id\":\"m_AG5Hz2U\"}");
        assertThat(answer.kind()).isEqualTo(Kind.SENT);
        assertThat(answer.messageId()).isEqualTo("m_AG5Hz2U");
    }

    @Test
    void aRevokedOrExpiredTokenStopsTheChannel() {
        assertThat(GraphAnswer.of(401, error(190, 460, "OAuthException")).kind()).isEqualTo(Kind.TOKEN_REJECTED);
        assertThat(GraphAnswer.of(400, error(190, null, "OAuthException")).detail()).contains("error 190");
    }

    @Test
    void theWindowAndUnreachablePeopleAreRefusedForGood() {
        assertThat(GraphAnswer.of(400, error(10, 2018278, "OAuthException")).kind()).isEqualTo(Kind.REFUSED);
        assertThat(GraphAnswer.of(400, error(10, 2018278, "OAuthException")).detail()).contains("messaging window");
        assertThat(GraphAnswer.of(400, error(551, 1545041, "OAuthException")).kind()).isEqualTo(Kind.REFUSED);
        assertThat(GraphAnswer.of(400, error(100, 2018001, "OAuthException")).kind()).isEqualTo(Kind.REFUSED);
    }

    @Test
    void rateLimitsServerErrorsAndTheUnknownAreRetried() {
        assertThat(GraphAnswer.of(429, "").kind()).isEqualTo(Kind.RETRY);
        assertThat(GraphAnswer.of(400, error(613, null, "OAuthException")).detail()).startsWith("rate limited");
        assertThat(GraphAnswer.of(400, error(4, null, "OAuthException")).kind()).isEqualTo(Kind.RETRY);
        assertThat(GraphAnswer.of(500, "<html>oops</html>").kind()).isEqualTo(Kind.RETRY);
        assertThat(GraphAnswer.of(503, error(2, null, "OAuthException")).kind()).isEqualTo(Kind.RETRY);
        assertThat(GraphAnswer.of(400, error(10, null, "OAuthException")).kind()).isEqualTo(Kind.RETRY);
        assertThat(GraphAnswer.of(0, null).kind()).isEqualTo(Kind.RETRY);
    }
}
