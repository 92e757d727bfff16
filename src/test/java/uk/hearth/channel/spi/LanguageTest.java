package uk.hearth.channel.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void welshMessagesAreWelsh() {
        assertThat(Language.guess("Diolch yn fawr")).isEqualTo("cy");
        assertThat(Language.guess("Mae'r boeler wedi torri eto ac does neb wedi ffonio fi yn ôl")).isEqualTo("cy");
        assertThat(Language.guess("Mae llwydni yn y tŷ")).isEqualTo("cy");
    }

    @Test
    void englishMessagesWithAWelshWordStayEnglish() {
        assertThat(Language.guess("I am in Ystradgynlais and my boiler is broken")).isEqualTo("en");
        assertThat(Language.guess("Hello, bot!")).isEqualTo("en");
        assertThat(Language.guess("Diolch! The caretaker was brilliant today, thank you so much for sorting the"
                + " bins and the lights in the hall")).isEqualTo("en");
        assertThat(Language.guess("")).isEqualTo("en");
        assertThat(Language.guess(null)).isEqualTo("en");
    }
}
