package uk.hearth.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetaLanguageTest {

    @Test
    void welshMessagesAreWelsh() {
        assertThat(MetaLanguage.guess("Diolch yn fawr")).isEqualTo("cy");
        assertThat(MetaLanguage.guess("Mae'r boeler wedi torri eto ac does neb wedi ffonio fi yn ôl")).isEqualTo("cy");
        assertThat(MetaLanguage.guess("Mae llwydni yn y tŷ")).isEqualTo("cy");
    }

    @Test
    void englishMessagesWithAWelshWordStayEnglish() {
        assertThat(MetaLanguage.guess("I am in Ystradgynlais and my boiler is broken")).isEqualTo("en");
        assertThat(MetaLanguage.guess("Hello, bot!")).isEqualTo("en");
        assertThat(MetaLanguage.guess("Diolch! The caretaker was brilliant today, thank you so much for sorting the"
                + " bins and the lights in the hall")).isEqualTo("en");
        assertThat(MetaLanguage.guess("")).isEqualTo("en");
        assertThat(MetaLanguage.guess(null)).isEqualTo("en");
    }
}
