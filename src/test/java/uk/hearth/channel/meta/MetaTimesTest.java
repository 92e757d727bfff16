package uk.hearth.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetaTimesTest {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void millisecondsSecondsNumericStringsAndIsoTimesAreRead() {
        assertThat(MetaTimes.parse(NODES.numberNode(1764064800000L))).isEqualTo(Instant.parse("2025-11-25T10:00:00Z"));
        assertThat(MetaTimes.parse(NODES.textNode("1527459824"))).isEqualTo(Instant.parse("2018-05-27T22:23:44Z"));
        assertThat(MetaTimes.parse(NODES.textNode("2021-09-08T06:34:04+0000"))).isEqualTo(Instant.parse("2021-09-08T06:34:04Z"));
        assertThat(MetaTimes.parse(NODES.textNode("2021-09-08T07:34:04+01:00"))).isEqualTo(Instant.parse("2021-09-08T06:34:04Z"));
        assertThat(MetaTimes.parse(NODES.textNode("yesterday"))).isNull();
    }

    @Test
    void theEntryTimeThenNowStandInAndTheFutureIsNotBelieved() {
        assertThat(MetaTimes.sentAt(MissingNode.getInstance(), NODES.numberNode(1764064800000L), NOW))
                .isEqualTo(Instant.parse("2025-11-25T10:00:00Z"));
        assertThat(MetaTimes.sentAt(MissingNode.getInstance(), MissingNode.getInstance(), NOW)).isEqualTo(NOW);
        assertThat(MetaTimes.sentAt(NODES.numberNode(NOW.plusSeconds(3600).toEpochMilli()), MissingNode.getInstance(),
                NOW)).isEqualTo(NOW);
    }
}
