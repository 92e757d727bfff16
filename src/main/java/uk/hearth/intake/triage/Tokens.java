package uk.hearth.intake.triage;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A message as the phrase lists see it: a stream of words, each lower-cased and folded to plain letters
 * ("dŵr" becomes "dwr", "won't" becomes "wont"), grouped into sentences, and each remembering where in the
 * original text it came from so a rule can quote the sender's own words.
 *
 * <p>Apostrophes inside a word are dropped, hyphens and other punctuation separate words, {@code . ! ? ;},
 * a colon and a line break end a sentence, a question mark is kept as the word {@code ?}, and an emoji or a
 * currency sign is a word of its own, and a number in brackets, as in "Mrs Kay (83)", reads "aged 83". Spellings (texting shorthand, common misspellings) are applied by
 * {@link #respell}, after the language is known.
 */
final class Tokens {

    /** Folded form of every character up to the end of Latin Extended Additional (ẁ, ỳ); others are only lower-cased. */
    private static final char[] FOLD = new char[0x1F00];

    static {
        for (char c = 0; c < FOLD.length; c++) {
            String lower = String.valueOf(Character.toLowerCase(c));
            String stripped = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            FOLD[c] = stripped.length() == 1 ? stripped.charAt(0) : lower.charAt(0);
        }
        FOLD['ł'] = 'l';
        FOLD['Ł'] = 'l';
        FOLD['ø'] = 'o';
        FOLD['Ø'] = 'o';
        FOLD['đ'] = 'd';
    }

    final String[] words;
    final int[] start;
    final int[] end;
    final int[] sentence;
    final int size;

    private Tokens(String[] words, int[] start, int[] end, int[] sentence, int size) {
        this.words = words;
        this.start = start;
        this.end = end;
        this.sentence = sentence;
        this.size = size;
    }

    static Tokens of(String text) {
        Builder b = new Builder(text.length() / 4 + 8);
        int n = text.length();
        int i = 0;
        StringBuilder word = new StringBuilder(24);
        while (i < n) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (isWordChar(cp)) {
                int from = i;
                word.setLength(0);
                while (i < n) {
                    int d = text.codePointAt(i);
                    if (appendToWord(word, d)) {
                        i += Character.charCount(d);
                    } else if (isApostrophe(d) && i + 1 < n && Character.isLetter(text.charAt(i + 1)) && word.length() > 0) {
                        i++;
                    } else {
                        break;
                    }
                }
                if (from > 0 && text.charAt(from - 1) == '(' && i < n && text.charAt(i) == ')' && isNumber(word)) {
                    b.add("aged", from, i);
                }
                b.add(word.toString(), from, i);
            } else if (cp == '?') {
                b.add("?", i, i + 1);
                b.breakSentence();
                i++;
            } else if ((cp == '.' || cp == ':') && i > 0 && i + 1 < n && Character.isDigit(text.charAt(i - 1))
                    && Character.isDigit(text.charAt(i + 1))) {
                // a decimal or a time ("2.5 metres", "call at 23:50"), not the end of a sentence
                i++;
            } else if (cp == '.' && abbreviation(text, i)) {
                i++;
            } else if (cp == '.' || cp == '!' || cp == ';' || cp == ':' || cp == '\n' || cp == '\r') {
                b.breakSentence();
                i++;
            } else if (isSymbolWord(cp)) {
                b.add(new String(Character.toChars(cp)), i, i + width);
                i += width;
            } else {
                i += width;
            }
        }
        return b.build();
    }

    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "cllr", "st", "rev", "prof");

    /**
     * A full stop that ends an abbreviation, not a sentence: a title before a name ("Mr. Grant"), an initial ("Ms J.
     * Pryce"; not "I"), or "No." before a number ("neighbour at no. 6"). Staff notes are full of them.
     */
    static boolean abbreviation(String text, int dot) {
        int from = dot;
        while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
            from--;
        }
        int next = dot + 1;
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        if (from == dot || next >= text.length() || from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))) {
            return false;
        }
        String word = text.substring(from, dot);
        char following = text.charAt(next);
        // "No. 12" and "no.12" alike: a house number, not a sentence end.
        if (word.equalsIgnoreCase("no") || word.equalsIgnoreCase("nos")) {
            return Character.isDigit(following);
        }
        if (next == dot + 1) {
            return false;
        }
        boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0)) && !word.equals("I");
        return (initial || TITLES.contains(word.toLowerCase(Locale.ROOT))) && Character.isUpperCase(following);
    }

    /** The same words with each one looked up in {@code spellings} ("u" becomes "you", "gonna" "going to"). */
    Tokens respell(Map<String, String[]> spellings) {
        if (spellings.isEmpty()) {
            return this;
        }
        Builder b = new Builder(size + 8);
        for (int k = 0; k < size; k++) {
            String[] replacement = spellings.get(words[k]);
            if (replacement == null) {
                b.addIn(words[k], start[k], end[k], sentence[k]);
            } else {
                for (String r : replacement) {
                    b.addIn(r, start[k], end[k], sentence[k]);
                }
            }
        }
        return b.build();
    }

    /** Lower-cases and folds one word (used for the words in the phrase lists, so both sides agree). */
    static String fold(String word) {
        StringBuilder out = new StringBuilder(word.length());
        word.codePoints().forEach(cp -> {
            if (!appendToWord(out, cp)) {
                appendFolded(out, cp);
            }
        });
        return out.toString();
    }

    /** The words alone, in order. */
    String[] words() {
        return Arrays.copyOf(words, size);
    }

    boolean startsSentence(int k) {
        return k == 0 || sentence[k - 1] != sentence[k];
    }

    boolean endsSentence(int k) {
        return k == size - 1 || sentence[k + 1] != sentence[k];
    }

    int wordCount() {
        int count = 0;
        for (int k = 0; k < size; k++) {
            if (Character.isLetterOrDigit(words[k].codePointAt(0))) {
                count++;
            }
        }
        return count;
    }

    /**
     * Adds a character that belongs in a word, folded, and says whether it did: a letter or digit; a vowel sign of
     * Bengali, Gurmukhi or Devanagari ("গ্যাস") as it is; nothing for an accent or other mark (folded away) or a
     * joiner inside an Arabic-script or Indic word.
     */
    private static boolean appendToWord(StringBuilder word, int cp) {
        if (isWordChar(cp)) {
            appendFolded(word, cp);
            return true;
        }
        if (isVowelSign(cp)) {
            word.appendCodePoint(cp);
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.FORMAT;
    }

    /** Whether a folded word holds only what words are made of: letters, digits and Indic vowel signs. */
    static boolean isWord(String folded) {
        return folded.codePoints().allMatch(cp -> isWordChar(cp) || isVowelSign(cp));
    }

    private static boolean isVowelSign(int cp) {
        return Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }

    private static void appendFolded(StringBuilder out, int cp) {
        if (cp < FOLD.length) {
            out.append(FOLD[cp]);
        } else {
            out.appendCodePoint(Character.toLowerCase(cp));
        }
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    private static boolean isNumber(CharSequence word) {
        return word.length() > 0 && word.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '`' || c == '\u00b4';
    }

    /** Emoji and currency signs carry meaning ("🙏", "£"), so each is a word; joiners and skin tones are not. */
    private static boolean isSymbolWord(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.CURRENCY_SYMBOL;
    }

    private static final class Builder {
        private String[] words;
        private int[] start;
        private int[] end;
        private int[] sentence;
        private int size;
        private int current;

        Builder(int capacity) {
            words = new String[capacity];
            start = new int[capacity];
            end = new int[capacity];
            sentence = new int[capacity];
        }

        void add(String word, int from, int to) {
            addIn(word, from, to, current);
        }

        void addIn(String word, int from, int to, int sentenceIndex) {
            if (size == words.length) {
                int capacity = size * 2;
                words = Arrays.copyOf(words, capacity);
                start = Arrays.copyOf(start, capacity);
                end = Arrays.copyOf(end, capacity);
                sentence = Arrays.copyOf(sentence, capacity);
            }
            words[size] = word;
            start[size] = from;
            end[size] = to;
            sentence[size] = sentenceIndex;
            size++;
        }

        void breakSentence() {
            if (size > 0 && sentence[size - 1] == current) {
                current++;
            }
        }

        Tokens build() {
            return new Tokens(words, start, end, sentence, size);
        }
    }
}
