package uk.hearth.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import uk.hearth.channel.meta.MetaSignatureVerifier.Result;

class MetaSignatureVerifierTest {
    static final JsonNode VECTORS = MetaFixtures.json("signature-vectors.json").path("vectors");

    @Test
    void theDocumentedSha256VectorVerifies() {
        JsonNode vector = VECTORS.get(5);
        assertThat(vector.path("header").asText()).isEqualTo("X-Hub-Signature-256");
        byte[] body = vector.path("raw_body").asText().getBytes(StandardCharsets.UTF_8);
        MetaSignatureVerifier verifier = new MetaSignatureVerifier(vector.path("secret").asText(), null);

        assertThat(verifier.verify(body, vector.path("signature").asText())).isEqualTo(Result.APP);
        assertThat(MetaSignatureVerifier.sign(body, vector.path("secret").asText()))
                .isEqualTo(vector.path("signature").asText());
        assertThat(verifier.verify(body, vector.path("signature").asText().toUpperCase().replace("SHA256=", "sha256=")))
                .isEqualTo(Result.APP);
    }

    @Test
    void theOlderSha1SignaturesAreNotAcceptedInTheirPlace() {
        for (JsonNode vector : VECTORS) {
            if (!"X-Hub-Signature".equals(vector.path("header").asText())) {
                continue;
            }
            MetaSignatureVerifier verifier = new MetaSignatureVerifier(vector.path("app_secret").asText(), null);
            byte[] body = vector.path("raw_body").asText().getBytes(StandardCharsets.UTF_8);
            String signature = vector.path("signature").isNull() ? null : vector.path("signature").asText();

            assertThat(verifier.verify(body, signature).valid()).as(vector.path("test").asText()).isFalse();
            // The same body signed as Meta signs it now does verify.
            assertThat(verifier.verify(body, MetaSignatureVerifier.sign(body, vector.path("app_secret").asText())))
                    .isEqualTo(Result.APP);
        }
    }

    @Test
    void aFixtureSignedByMetaVerifiesOverItsExactBytesAndAnyChangeBreaksIt() {
        byte[] body = MetaFixtures.bytes("facebook-messenger-gem/server__payload_envelope.json");
        MetaSignatureVerifier verifier = new MetaSignatureVerifier("app-secret", null);
        String signature = MetaSignatureVerifier.sign(body, "app-secret");

        assertThat(verifier.verify(body, signature)).isEqualTo(Result.APP);
        byte[] changed = body.clone();
        changed[changed.length - 2] ^= 1;
        assertThat(verifier.verify(changed, signature)).isEqualTo(Result.INVALID);
        assertThat(verifier.verify(body, MetaSignatureVerifier.sign(body, "another-secret"))).isEqualTo(Result.INVALID);
    }

    @Test
    void missingMalformedAndUnconfiguredAreTold() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        MetaSignatureVerifier verifier = new MetaSignatureVerifier("s", null);

        assertThat(verifier.verify(body, null)).isEqualTo(Result.MISSING);
        assertThat(verifier.verify(body, " ")).isEqualTo(Result.MISSING);
        assertThat(verifier.verify(body, "sha256!!!")).isEqualTo(Result.MALFORMED);
        assertThat(verifier.verify(body, "sha256=not-hex")).isEqualTo(Result.MALFORMED);
        assertThat(verifier.verify(body, "sha256=abcd")).isEqualTo(Result.INVALID);
        assertThat(new MetaSignatureVerifier(null, " ").verify(body, MetaSignatureVerifier.sign(body, "s")))
                .isEqualTo(Result.NO_SECRET);
    }

    @Test
    void anInstagramLoginAppHasItsOwnSecret() {
        byte[] body = MetaFixtures.bytes("chatwoot-instagram/instagram_message_create_event.json");
        MetaSignatureVerifier verifier = new MetaSignatureVerifier("app", "instagram-app");

        assertThat(verifier.verify(body, MetaSignatureVerifier.sign(body, "app"))).isEqualTo(Result.APP);
        assertThat(verifier.verify(body, MetaSignatureVerifier.sign(body, "instagram-app")))
                .isEqualTo(Result.INSTAGRAM_APP);
        assertThat(new MetaSignatureVerifier(null, "instagram-app")
                .verify(body, MetaSignatureVerifier.sign(body, "instagram-app"))).isEqualTo(Result.INSTAGRAM_APP);
    }
}
