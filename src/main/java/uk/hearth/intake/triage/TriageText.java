package uk.hearth.intake.triage;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A message prepared for the rules: its words (see {@link Tokens}), the languages whose lists apply, every
 * match of every phrase list, and a way to quote the sender's own words back.
 */
public final class TriageText {

    /** A run of words, by position: {@code start} inclusive, {@code end} exclusive. */
    record Span(int start, int end) {
    }

    private static final int QUOTE_REACH = 48;
    private static final int WHOLE_QUOTE = 140;
    /** Longer messages are read as their opening and their close (where signatures sit), to bound the work. */
    static final int MAX_READ = 8_000;
    private static final int HEAD = 6_000;
    private static final int TAIL = 2_000;

    private final TriageInput input;
    private final String original;
    private final Tokens tokens;
    private final Set<String> languages;
    private final Lexicon lexicon;
    private final Tokens raw;
    private final int mask;
    /** Worked out only when a rule asks (most messages are never asked). */
    private Lexicon.Language mainLanguage;
    private final PhraseMatches matches;
    private String normalised;
    private int wordCount = -1;

    private TriageText(TriageInput input, Lexicon lexicon, boolean everyLanguage) {
        this.input = input;
        String subject = input.subject() == null || input.subject().isBlank() ? "" : input.subject().strip() + "\n";
        String whole = subject + input.text();
        this.original = whole.length() <= MAX_READ ? whole
                : whole.substring(0, HEAD) + "\n[…]\n" + whole.substring(whole.length() - TAIL);
        this.lexicon = lexicon;
        this.raw = Tokens.of(original);
        this.mask = everyLanguage ? lexicon.everyLanguage() : lexicon.languagesFor(raw, input.language());
        this.languages = lexicon.codes(mask);
        this.tokens = lexicon.respell(raw, mask);
        this.matches = lexicon.match(tokens, mask);
    }

    static TriageText of(TriageInput input, Lexicon lexicon) {
        return new TriageText(input, lexicon, false);
    }

    /** A few words read with the lists of every language, e.g. a relationship typed on a form ("merch"). */
    static TriageText inEveryLanguage(String words, Lexicon lexicon) {
        return new TriageText(TriageInput.of(words, null), lexicon, true);
    }

    public TriageInput input() {
        return input;
    }

    /** Subject (if any) and text as received; for very long messages, the opening and the close. */
    public String original() {
        return original;
    }

    /** The languages whose phrase lists were applied, e.g. {@code [en]} or {@code [en, cy]}. */
    public Set<String> languages() {
        return languages;
    }

    /** The language the message is mainly written in (its code), e.g. {@code en}, {@code cy} or {@code pl}. */
    public String mainLanguage() {
        return main().code();
    }

    /** The name of the language the message is mainly written in, e.g. {@code Polish}. */
    String mainLanguageName() {
        return main().name();
    }

    private Lexicon.Language main() {
        if (mainLanguage == null) {
            mainLanguage = lexicon.mainLanguage(raw, mask);
        }
        return mainLanguage;
    }

    /** The words as the lists see them, one sentence a line: for rules written in Java against a pattern. */
    public String normalised() {
        if (normalised == null) {
            StringBuilder out = new StringBuilder(original.length());
            for (int k = 0; k < tokens.size; k++) {
                if (k > 0) {
                    out.append(tokens.startsSentence(k) ? '\n' : ' ');
                }
                out.append(tokens.words[k]);
            }
            normalised = out.toString();
        }
        return normalised;
    }

    public boolean has(Pattern pattern) {
        return pattern.matcher(normalised()).find();
    }

    public int wordCount() {
        if (wordCount < 0) {
            wordCount = tokens.wordCount();
        }
        return wordCount;
    }

    int count(int list) {
        return list < 0 ? 0 : matches.count(list);
    }

    Span span(int list, int index) {
        return new Span(matches.start(list, index), matches.end(list, index));
    }

    boolean has(int list) {
        return count(list) > 0;
    }

    /** Whether any of {@code lists} occurs anywhere in the message. */
    boolean hasAny(int[] lists) {
        for (int list : lists) {
            if (has(list)) {
                return true;
            }
        }
        return false;
    }

    /** The first match of {@code list}, or null. */
    Span first(int list) {
        return has(list) ? span(list, 0) : null;
    }

    int sentenceOf(Span span) {
        return tokens.sentence[span.start()];
    }

    /** The first match of {@code list} in the same sentence as {@code span}, or null. */
    Span inSentence(int list, Span span) {
        int sentence = sentenceOf(span);
        for (int k = 0, n = count(list); k < n; k++) {
            int start = matches.start(list, k);
            if (tokens.sentence[start] == sentence) {
                return span(list, k);
            }
        }
        return null;
    }

    /** The first match of {@code list} after {@code span}, or in its sentence; never {@code span} itself. */
    Span after(int list, Span span) {
        int sentence = sentenceOf(span);
        for (int k = 0, n = count(list); k < n; k++) {
            int start = matches.start(list, k);
            int end = matches.end(list, k);
            boolean itself = start == span.start() && end == span.end();
            if (!itself && (start >= span.end() || tokens.sentence[start] == sentence)) {
                return span(list, k);
            }
        }
        return null;
    }

    /** True if a match of {@code list} ends right where {@code span} begins, in the same sentence. */
    boolean precededBy(int list, Span span) {
        for (int k = 0, n = count(list); k < n; k++) {
            if (matches.end(list, k) == span.start() && tokens.sentence[matches.start(list, k)] == sentenceOf(span)) {
                return true;
            }
        }
        return false;
    }

    /** The whole message as one span (empty messages have none). */
    Span whole() {
        return tokens.size == 0 ? null : new Span(0, tokens.size);
    }

    /** The sender's words around a span, cut at sentence ends and to a readable length. */
    String quote(Span span) {
        if (span.start() == 0 && span.end() == tokens.size) {
            String flat = squash(original, 0, original.length());
            return flat.length() <= WHOLE_QUOTE ? flat : flat.substring(0, WHOLE_QUOTE - 1) + "…";
        }
        int os = tokens.start[span.start()];
        int oe = tokens.end[span.end() - 1];
        int left = os;
        while (left > 0 && os - left < QUOTE_REACH && !isSentenceBreak(original.charAt(left - 1))) {
            left--;
        }
        boolean cutLeft = left > 0 && !isSentenceBreak(original.charAt(left - 1));
        if (cutLeft) {
            while (left < os && !Character.isWhitespace(original.charAt(left))) {
                left++;
            }
        }
        int right = oe;
        while (right < original.length() && right - oe < QUOTE_REACH && !isSentenceBreak(original.charAt(right))) {
            right++;
        }
        boolean cutRight = right < original.length() && !isSentenceBreak(original.charAt(right));
        if (cutRight) {
            while (right > oe && !Character.isWhitespace(original.charAt(right - 1))) {
                right--;
            }
        }
        String quote = squash(original, left, right);
        return (cutLeft ? "…" : "") + quote + (cutRight ? "…" : "");
    }

    /** The text between two positions, trimmed, with each run of white space as one space. */
    private static String squash(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        boolean space = false;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isSentenceBreak(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ';';
    }

    @Override
    public String toString() {
        return normalised();
    }
}
