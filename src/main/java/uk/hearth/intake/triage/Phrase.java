package uk.hearth.intake.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One entry of a phrase list, parsed. The syntax, for the people who tune the lists:
 * <pre>
 *   nobody came                 words, matched whole, in order, within one sentence
 *   (nobody|no one) came        alternatives; each may be several words
 *   [has|have] been             optional words
 *   frustrat*                   any word starting "frustrat" (at least three letters before the star)
 *   told * would                exactly one word of any kind
 *   asked ~3 again              up to three words of any kind
 *   @family                     any entry of the word class "family" (see classes: in the lists files)
 *   #70-120                     a number from 70 to 120, written in figures
 *   ^ category                  only at the start of a sentence or line;  done $  only at its end
 *   ?                           a question mark
 * </pre>
 * Words are compared after the same folding as the message: lower case, no accents, no apostrophes, and the
 * language's spellings applied, so "won't", "wont" and "Won’t" are one word.
 */
final class Phrase {

    sealed interface Element permits Word, Prefix, AnyWord, Gap, NumberRange, SentenceStart, SentenceEnd, Choice {
    }

    record Word(String word) implements Element {
    }

    record Prefix(String prefix) implements Element {
    }

    record AnyWord() implements Element {
    }

    record Gap(int max) implements Element {
    }

    record NumberRange(long low, long high) implements Element {
    }

    record SentenceStart() implements Element {
    }

    record SentenceEnd() implements Element {
    }

    record Choice(List<List<Element>> alternatives, boolean optional) implements Element {
    }

    /** A phrase that cannot be read; the message says what is wrong, the loader says where. */
    static final class SyntaxException extends RuntimeException {
        SyntaxException(String message) {
            super(message);
        }
    }

    static final int MIN_PREFIX = 3;
    private static final int MAX_GAP = 8;

    private final String source;
    private final Function<String, List<Element>> classes;
    private final Function<String, String[]> words;
    private int pos;

    private Phrase(String source, Function<String, List<Element>> classes, Function<String, String[]> words) {
        this.source = source;
        this.classes = classes;
        this.words = words;
    }

    /**
     * @param classes resolves {@code @name} to a choice of its entries, or throws if unknown
     * @param words   turns one written word into the folded, respelt words the message will contain
     */
    static List<Element> parse(String source, Function<String, List<Element>> classes, Function<String, String[]> words) {
        Phrase p = new Phrase(source, classes, words);
        List<Element> sequence = p.sequence();
        if (p.pos < source.length()) {
            throw new SyntaxException("unexpected '" + source.charAt(p.pos) + "' at position " + (p.pos + 1));
        }
        if (sequence.isEmpty()) {
            throw new SyntaxException("the phrase is empty");
        }
        for (int k = 0; k < sequence.size(); k++) {
            Element e = sequence.get(k);
            if (e instanceof SentenceStart && k != 0) {
                throw new SyntaxException("'^' can only start a phrase");
            }
            if (e instanceof SentenceEnd && k != sequence.size() - 1) {
                throw new SyntaxException("'$' can only end a phrase");
            }
        }
        if (sequence.get(0) instanceof Gap || sequence.get(sequence.size() - 1) instanceof Gap) {
            throw new SyntaxException("a '~' gap must sit between words");
        }
        if (canBeEmpty(sequence)) {
            throw new SyntaxException("the phrase could match no words at all");
        }
        return sequence;
    }

    /** Parses the entries of a word class into one choice, for {@code @name}. */
    static List<Element> choiceOf(List<List<Element>> entries) {
        return List.of(new Choice(List.copyOf(entries), false));
    }

    private List<Element> sequence() {
        List<Element> out = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= source.length()) {
                return out;
            }
            char c = source.charAt(pos);
            if (c == ')' || c == ']' || c == '|') {
                return out;
            }
            if (c == '(' || c == '[') {
                pos++;
                List<List<Element>> alternatives = alternatives(c == '(' ? ')' : ']');
                out.add(new Choice(alternatives, c == '['));
            } else {
                atom(out);
            }
        }
    }

    private List<List<Element>> alternatives(char close) {
        List<List<Element>> alternatives = new ArrayList<>();
        while (true) {
            List<Element> alternative = sequence();
            if (alternative.isEmpty()) {
                throw new SyntaxException("an empty alternative in '" + source + "'; use [ ] for optional words");
            }
            alternatives.add(alternative);
            if (pos >= source.length()) {
                throw new SyntaxException("missing '" + close + "'");
            }
            char c = source.charAt(pos++);
            if (c == close) {
                return alternatives;
            }
            if (c != '|') {
                throw new SyntaxException("'" + c + "' where '" + close + "' was expected");
            }
        }
    }

    private void atom(List<Element> out) {
        int from = pos;
        while (pos < source.length() && " \t()[]|".indexOf(source.charAt(pos)) < 0) {
            pos++;
        }
        String atom = source.substring(from, pos);
        if (atom.equals("*")) {
            out.add(new AnyWord());
        } else if (atom.equals("^")) {
            out.add(new SentenceStart());
        } else if (atom.equals("$")) {
            out.add(new SentenceEnd());
        } else if (atom.equals("?")) {
            if (from > 0 && (source.charAt(from - 1) == ')' || source.charAt(from - 1) == ']')) {
                throw new SyntaxException("'?' after a group means a question mark here; write optional words in [ ]");
            }
            out.add(new Word("?"));
        } else if (atom.startsWith("~")) {
            out.add(new Gap(number(atom.substring(1), 1, MAX_GAP, "a gap '~N' needs N from 1 to " + MAX_GAP)));
        } else if (atom.startsWith("@")) {
            out.addAll(classes.apply(atom.substring(1)));
        } else if (atom.startsWith("#")) {
            out.add(range(atom));
        } else if (atom.endsWith("*")) {
            String prefix = Tokens.fold(atom.substring(0, atom.length() - 1));
            if (prefix.length() < MIN_PREFIX || !Tokens.isWord(prefix)) {
                throw new SyntaxException("'" + atom + "': a word ending in * needs at least " + MIN_PREFIX
                        + " letters before the star");
            }
            out.add(new Prefix(prefix));
        } else {
            String[] folded = words.apply(atom);
            if (folded.length == 0) {
                throw new SyntaxException("'" + atom + "' contains no letters or digits");
            }
            for (String w : folded) {
                out.add(new Word(w));
            }
        }
    }

    private NumberRange range(String atom) {
        int dash = atom.indexOf('-', 1);
        if (dash < 0) {
            throw new SyntaxException("'" + atom + "': a number range is written #low-high, e.g. #70-120");
        }
        long low = number(atom.substring(1, dash), 0, Integer.MAX_VALUE, "'" + atom + "' is not a number range");
        long high = number(atom.substring(dash + 1), 0, Integer.MAX_VALUE, "'" + atom + "' is not a number range");
        if (high < low) {
            throw new SyntaxException("'" + atom + "': the high end is below the low end");
        }
        return new NumberRange(low, high);
    }

    private static int number(String digits, int min, int max, String error) {
        try {
            int n = Integer.parseInt(digits);
            if (n < min || n > max) {
                throw new SyntaxException(error);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new SyntaxException(error);
        }
    }

    private void skipSpaces() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
    }

    private static boolean canBeEmpty(List<Element> sequence) {
        for (Element e : sequence) {
            if (e instanceof Choice choice) {
                if (!choice.optional() && choice.alternatives().stream().noneMatch(Phrase::canBeEmpty)) {
                    return false;
                }
            } else if (!(e instanceof Gap || e instanceof SentenceStart || e instanceof SentenceEnd)) {
                return false;
            }
        }
        return true;
    }

    /** For tests and error messages: the classes a phrase may use, by name. */
    static Function<String, List<Element>> classesFrom(Map<String, List<Element>> byName) {
        return name -> {
            List<Element> found = byName.get(name);
            if (found == null) {
                throw new SyntaxException("unknown word class '@" + name + "'");
            }
            return found;
        };
    }
}
