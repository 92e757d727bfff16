package uk.hearth.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The phrase syntax of the lists, and how messages are folded into words before matching. */
class PhraseMatcherTest {

    private static final Map<String, String[]> SPELLINGS = Map.of("u", new String[] {"you"},
            "wont", new String[] {"will", "not"}, "no1", new String[] {"no", "one"});
    private static final Map<String, List<Phrase.Element>> CLASSES = Map.of("who",
            Phrase.choiceOf(List.of(parse("nobody", Map.of()), parse("no one", Map.of()))));

    private static List<Phrase.Element> parse(String phrase, Map<String, List<Phrase.Element>> classes) {
        return Phrase.parse(phrase, Phrase.classesFrom(classes), w -> Tokens.of(w).respell(SPELLINGS).words());
    }

    /** The matched words of each match of {@code phrase} in {@code text}, compacted as the loader leaves it. */
    private static List<String> matches(String phrase, String text) {
        PhraseMatcher matcher = new PhraseMatcher();
        matcher.add(0, parse(phrase, CLASSES));
        matcher.compact();
        Tokens tokens = Tokens.of(text).respell(SPELLINGS);
        PhraseMatches m = matcher.match(tokens, 1, new int[] {0}, new int[] {1}, 1);
        List<String> found = new ArrayList<>();
        for (int k = 0; k < m.count(0); k++) {
            found.add(String.join(" ", java.util.Arrays.copyOfRange(tokens.words(), m.start(0, k), m.end(0, k))));
        }
        return found;
    }

    /** Phrase, message, the words it finds. */
    static Stream<Arguments> found() {
        return Stream.of(
                Arguments.of("nobody came", "Nobody came today", "nobody came"),
                Arguments.of("(nobody|no one) came", "no-one came", "no one came"),
                Arguments.of("[has] nobody came", "has nobody came?", "has nobody came"),
                Arguments.of("frustrat*", "so FRUSTRATING", "frustrating"),
                Arguments.of("told * would", "told it would be done", "told it would"),
                Arguments.of("asked ~3 again", "asked you lot again", "asked you lot again"),
                Arguments.of("@who came", "no1 came", "no one came"),
                Arguments.of("aged #70-120", "Mrs Kay (83)", "aged 83"),
                Arguments.of("^ category", "Category: Rent", "category"),
                Arguments.of("nothing $", "we got nothing.", "nothing"),
                Arguments.of("will not lock", "door won't lock", "will not lock"),
                Arguments.of("dwr poeth", "dim dŵr poeth", "dwr poeth"),
                Arguments.of("diolch", "Diolch!", "diolch"),
                Arguments.of("what do i do ?", "what do I do??", "what do i do ?"),
                Arguments.of("😡", "this is it 😡😡", "😡"));
    }

    /** Phrase and a message it must not match. */
    static Stream<Arguments> notFound() {
        return Stream.of(
                Arguments.of("nobody came", "nobody. came"),
                Arguments.of("told * would", "told would"),
                Arguments.of("asked ~1 again", "asked you lot again"),
                Arguments.of("aged #70-120", "aged 7"),
                Arguments.of("^ category", "the category is rent"),
                Arguments.of("nothing $", "nothing happened"),
                Arguments.of("mould", "moulding"));
    }

    /** A broken phrase and what the error says. */
    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("(broken|leak", "missing ')'"),
                Arguments.of("a || b", "unexpected"),
                Arguments.of("fr*", "at least 3 letters"),
                Arguments.of("~3 came", "a '~' gap must sit between words"),
                Arguments.of("[nobody]", "could match no words"),
                Arguments.of("came ^", "'^' can only start a phrase"),
                Arguments.of("#9-1", "the high end is below the low end"),
                Arguments.of("@whom came", "unknown word class '@whom'"),
                Arguments.of("(has)? came", "write optional words in [ ]"));
    }

    @ParameterizedTest(name = "{0} finds \"{2}\" in \"{1}\"")
    @MethodSource("found")
    void findsThePhrase(String phrase, String text, String found) {
        assertThat(matches(phrase, text)).contains(found);
    }

    @ParameterizedTest(name = "{0} does not match \"{1}\"")
    @MethodSource("notFound")
    void doesNotMatch(String phrase, String text) {
        assertThat(matches(phrase, text)).isEmpty();
    }

    @Test
    void manyAlternativesInARowCompileWithoutBlowingUp() {
        String many = "(a|b|c|d|e|f|g|h|i|j) (k|l|m|n|o|p|q|r|s|t) (u|v|w|x|y|z|aa|bb|cc|dd) (ee|ff|gg|hh|ii|jj|kk|ll|mm|nn)";
        assertThat(matches(many, "c q z kk")).containsExactly("c q z kk");
    }

    @Test
    void nothingCanBeAddedOnceCompacted() {
        PhraseMatcher matcher = new PhraseMatcher();
        matcher.add(0, parse("nobody came", CLASSES));
        matcher.compact();
        assertThatThrownBy(() -> matcher.add(0, parse("no one came", CLASSES)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("compacted");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void mistakesAreExplained(String phrase, String message) {
        assertThatThrownBy(() -> parse(phrase, CLASSES)).isInstanceOf(Phrase.SyntaxException.class)
                .hasMessageContaining(message);
    }
}
