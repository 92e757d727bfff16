package uk.hearth.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GsmTextTest {

    @Test
    void gsm7TextsTake160OrThen153ASegment() {
        assertThat(GsmText.isGsm7("Ref HRT-2026-000123: we have your complaint (stage 1). £5 @ 10:00")).isTrue();
        assertThat(GsmText.segments("a".repeat(160))).isEqualTo(1);
        assertThat(GsmText.segments("a".repeat(161))).isEqualTo(2);
        assertThat(GsmText.segments("a".repeat(306))).isEqualTo(2);
        assertThat(GsmText.segments("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(GsmText.units("€[]")).isEqualTo(6);
        assertThat(GsmText.segments("€".repeat(80))).isEqualTo(1);
        assertThat(GsmText.segments("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void oneLetterOutsideGsm7MakesTheWholeTextUcs2() {
        String welsh = "Diolch am gysylltu â ni";
        assertThat(GsmText.isGsm7(welsh)).isFalse();
        assertThat(GsmText.isGsm7("ŵ")).isFalse();
        assertThat(GsmText.segments("a".repeat(69) + "ŵ")).isEqualTo(1);
        assertThat(GsmText.segments("a".repeat(70) + "ŵ")).isEqualTo(2);
        assertThat(GsmText.segments("a".repeat(133) + "ŵ")).isEqualTo(2);
        assertThat(GsmText.segments("a".repeat(134) + "ŵ")).isEqualTo(3);
    }
}
