package uk.hearth.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How a message is cut into words and sentences. */
class TokensTest {

    /** The sentences of a text, each as its words joined by spaces. */
    private static List<String> sentences(String text) {
        Tokens tokens = Tokens.of(text);
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int k = 0; k < tokens.size; k++) {
            if (tokens.startsSentence(k) && !current.isEmpty()) {
                out.add(current.toString());
                current.setLength(0);
            }
            current.append(current.isEmpty() ? "" : " ").append(tokens.words[k]);
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    @Test
    void aTimeDoesNotEndASentenceButAColonDoes() {
        assertThat(sentences("Call 23:50 from PC Harding at Flat 7")).hasSize(1);
        assertThat(sentences("Note: tenant rang at 9:15")).containsExactly("note", "tenant rang at 9 15");
    }

    @Test
    void titlesInitialsAndHouseNumbersDoNotEndASentence() {
        assertThat(sentences("Call from Mr P. Grant, neighbour at no. 6, reporting smoke. Fire service called."))
                .containsExactly("call from mr p grant neighbour at no 6 reporting smoke", "fire service called");
        assertThat(sentences("Ms J. Pryce's daughter rang")).containsExactly("ms j pryces daughter rang");
        assertThat(sentences("Spoke to Dr. Shah today")).containsExactly("spoke to dr shah today");
        assertThat(sentences("the wall between us and no.12 is leaning over the path"))
                .as("a house number written without a space")
                .containsExactly("the wall between us and no 12 is leaning over the path");
    }

    @Test
    void anOrdinaryFullStopStillDoes() {
        assertThat(sentences("I said no. 5 days later nobody came"))
                .as("'no.' before a number reads as a number: the one price of reading staff notes")
                .hasSize(1);
        assertThat(sentences("So did I. Then the ceiling fell")).containsExactly("so did i", "then the ceiling fell");
        assertThat(sentences("Flat 4 is on the first floor. Mr Grant lives above."))
                .containsExactly("flat 4 is on the first floor", "mr grant lives above");
        assertThat(sentences("It's the third time. no one came")).containsExactly("its the third time", "no one came");
        assertThat(sentences("Ask Mr. smith")).containsExactly("ask mr", "smith");
    }

    @Test
    void indicVowelSignsStayInTheirWordAndJoinersAreDropped() {
        assertThat(sentences("রান্নাঘরে গ্যাসের গন্ধ")).as("Bengali: vowel signs are marks, not spaces")
                .containsExactly("রাননাঘরে গযাসের গনধ");
        assertThat(sentences("می\u200cخواهم")).as("a zero-width non-joiner inside a Persian word").containsExactly("میخواهم");
        assertThat(sentences("Mutfakta gaz kokusu var")).containsExactly("mutfakta gaz kokusu var");
        assertThat(Tokens.fold("غَاز")).as("a phrase's word folds as the message's: Arabic vowel marks dropped")
                .isEqualTo(Tokens.of("غَاز").words()[0]).isEqualTo("غاز");
        assertThat(Tokens.fold("গ্যাস")).isEqualTo(Tokens.of("গ্যাস").words()[0]);
    }
}
