package uk.hearth.intake.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message prepared for the rules: the normalised text (see {@link TextNormaliser}), sentence
 * boundaries, and helpers that find a phrase and quote the sender's own words back.
 *
 * <p>Rules match against {@link #normalised()}: lower case, no apostrophes, shorthand spelt out.
 */
public final class TriageText {

    /** A sentence that thanks someone or says a fault has been put right describes the past, not a live fault. */
    private static final Pattern RESOLVED = Lexicon.regex(
            "\\bthank(?!s in advance)|\\bcheers\\b|\\bgrateful|\\bdiolch|dziękuj"
            + "|(?<!not |nt |never )\\b(?:been|was|were|got|now|is|are|all) (?:now |finally |all |properly |quickly )?"
            + "(?:sorted|fixed|resolved|repaired|made safe|dealt with)"
            + "|\\b(?:sorted|fixed|repaired|resolved) (?:the|my|our|it|out)\\b|\\b(?:fixing|sorting|repairing) (?:the|my|our)\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int QUOTE_REACH = 48;
    /** Longer messages are read as their opening and their close (where signatures sit), to bound the work. */
    static final int MAX_READ = 8_000;
    private static final int HEAD = 6_000;
    private static final int TAIL = 2_000;

    private final TriageInput input;
    private final String original;
    private final String normalised;
    private final int[] sourceStart;
    private final int[] sourceEnd;

    /** A phrase found in the normalised text, with the sender's words around it. */
    public record Match(int start, int end, String quote) {
    }

    private TriageText(TriageInput input) {
        this.input = input;
        String subject = input.subject() == null || input.subject().isBlank() ? "" : input.subject().strip() + "\n";
        String whole = subject + input.text();
        this.original = whole.length() <= MAX_READ ? whole
                : whole.substring(0, HEAD) + "\n[…]\n" + whole.substring(whole.length() - TAIL);
        TextNormaliser.Normalised n = TextNormaliser.normalise(original);
        this.normalised = n.text();
        this.sourceStart = n.sourceStart();
        this.sourceEnd = n.sourceEnd();
    }

    public static TriageText of(TriageInput input) {
        return new TriageText(input);
    }

    public TriageInput input() {
        return input;
    }

    /** Subject (if any) and text as received; for very long messages, the opening and the close. */
    public String original() {
        return original;
    }

    public String normalised() {
        return normalised;
    }

    public int wordCount() {
        return (int) WORD.matcher(normalised).results().count();
    }

    public boolean has(Pattern pattern) {
        return pattern.matcher(normalised).find();
    }

    public Optional<Match> find(Pattern pattern) {
        return findAll(pattern).stream().findFirst();
    }

    public List<Match> findAll(Pattern pattern) {
        List<Match> found = new ArrayList<>();
        Matcher m = pattern.matcher(normalised);
        while (m.find()) {
            if (m.end() > m.start()) {
                found.add(match(m.start(), m.end()));
            }
        }
        return found;
    }

    /** The first match that is not in a sentence thanking someone or saying the fault was put right. */
    public Optional<Match> findUnresolved(Pattern pattern) {
        return findAll(pattern).stream().filter(m -> !isResolved(m)).findFirst();
    }

    /** The first match of {@code pattern} whose sentence also contains {@code companion}, in a live sentence. */
    public Optional<Match> findWithCompanion(Pattern pattern, Pattern companion) {
        return findAll(pattern).stream()
                .filter(m -> companion.matcher(sentenceOf(m)).find() && !isResolved(m))
                .findFirst();
    }

    /** True if the match sits in a sentence that thanks someone or says the fault has been put right. */
    public boolean isResolved(Match m) {
        return RESOLVED.matcher(sentenceOf(m)).find();
    }

    /** The first match of {@code pattern} whose sentence does not contain {@code excluded}. */
    public Optional<Match> findWithout(Pattern pattern, Pattern excluded) {
        return findAll(pattern).stream().filter(m -> !excluded.matcher(sentenceOf(m)).find()).findFirst();
    }

    /** True if {@code pattern} occurs after the given position (a failure after a promise, say). */
    public boolean hasAfter(Match match, Pattern pattern) {
        return pattern.matcher(normalised).region(match.end(), normalised.length()).find();
    }

    /** The normalised sentence (or line) holding a match. */
    public String sentenceOf(Match m) {
        int s = m.start();
        while (s > 0 && !isSentenceBreak(normalised.charAt(s - 1))) {
            s--;
        }
        int e = m.end();
        while (e < normalised.length() && !isSentenceBreak(normalised.charAt(e))) {
            e++;
        }
        return normalised.substring(s, e);
    }

    private Match match(int start, int end) {
        int os = sourceStart[start];
        int oe = sourceEnd[end - 1];
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
        String quote = original.substring(left, right).replaceAll("\\s+", " ").strip();
        return new Match(start, end, (cutLeft ? "…" : "") + quote + (cutRight ? "…" : ""));
    }

    private static boolean isSentenceBreak(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ';';
    }

    @Override
    public String toString() {
        return normalised;
    }
}
