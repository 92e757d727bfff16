package uk.hearth.intake.triage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a message into the form the rules match against: lower case, apostrophes dropped inside words
 * ("won't" becomes "wont", "he'd" becomes "hed"), quote marks dropped, runs of spaces collapsed, and the
 * commonest texting shorthand spelt out ("u" becomes "you", "pls" becomes "please"). Every character of
 * the result remembers where it came from, so a rule can quote the original words.
 */
final class TextNormaliser {

    private static final Map<String, String> SHORTHAND = Map.ofEntries(
            Map.entry("u", "you"), Map.entry("ya", "you"), Map.entry("uve", "youve"),
            Map.entry("ur", "your"), Map.entry("yr", "your"), Map.entry("r", "are"),
            Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("plse", "please"),
            Map.entry("wud", "would"), Map.entry("wld", "would"), Map.entry("cud", "could"),
            Map.entry("shud", "should"), Map.entry("cos", "because"), Map.entry("coz", "because"),
            Map.entry("cuz", "because"), Map.entry("n", "and"), Map.entry("ppl", "people"),
            Map.entry("msg", "message"), Map.entry("msgs", "messages"), Map.entry("yest", "yesterday"),
            Map.entry("tmrw", "tomorrow"), Map.entry("tmr", "tomorrow"), Map.entry("2day", "today"),
            Map.entry("thx", "thanks"), Map.entry("thnx", "thanks"), Map.entry("tnx", "thanks"),
            Map.entry("gonna", "going to"), Map.entry("wanna", "want to"), Map.entry("gotta", "got to"),
            Map.entry("noone", "no one"), Map.entry("no1", "no one"), Map.entry("some1", "someone"),
            Map.entry("any1", "anyone"), Map.entry("abt", "about"), Map.entry("b4", "before"),
            Map.entry("wk", "week"), Map.entry("wks", "weeks"), Map.entry("mth", "month"),
            Map.entry("mths", "months"), Map.entry("hrs", "hours"), Map.entry("diff", "different"));

    /** The normalised text and, per character, the original span it came from. */
    record Normalised(String text, int[] sourceStart, int[] sourceEnd) {
    }

    private TextNormaliser() {
    }

    static Normalised normalise(String original) {
        int n = original.length();
        StringBuilder out = new StringBuilder(n + 16);
        int[] starts = new int[n * 3 + 16];
        int[] ends = new int[n * 3 + 16];
        int i = 0;
        while (i < n) {
            char c = original.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int j = i;
                StringBuilder word = new StringBuilder();
                while (j < n) {
                    char d = original.charAt(j);
                    if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                        word.append(d);
                        j++;
                    } else if (isApostrophe(d) && j + 1 < n && Character.isLetter(original.charAt(j + 1))) {
                        j++;
                    } else {
                        break;
                    }
                }
                String token = word.toString().toLowerCase(Locale.ROOT);
                String mapped = SHORTHAND.getOrDefault(token, token);
                for (int k = 0; k < mapped.length(); k++) {
                    starts[out.length()] = i;
                    ends[out.length()] = j;
                    out.append(mapped.charAt(k));
                }
                i = j;
            } else if (Character.isWhitespace(c)) {
                int j = i;
                boolean newline = false;
                while (j < n && Character.isWhitespace(original.charAt(j))) {
                    newline |= original.charAt(j) == '\n' || original.charAt(j) == '\r';
                    j++;
                }
                int last = out.length() - 1;
                if (newline && last >= 0 && out.charAt(last) == ' ') {
                    out.setCharAt(last, '\n');
                } else if (last >= 0 && out.charAt(last) != ' ' && out.charAt(last) != '\n') {
                    starts[out.length()] = i;
                    ends[out.length()] = i + 1;
                    out.append(newline ? '\n' : ' ');
                }
                i = j;
            } else if (isApostrophe(c) || c == '"' || c == '\u201c' || c == '\u201d') {
                i++;
            } else {
                starts[out.length()] = i;
                ends[out.length()] = i + 1;
                out.append(Character.toLowerCase(c));
                i++;
            }
        }
        String text = out.toString().strip();
        int lead = out.length() - out.toString().stripLeading().length();
        return new Normalised(text,
                Arrays.copyOfRange(starts, lead, lead + text.length()),
                Arrays.copyOfRange(ends, lead, lead + text.length()));
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '`' || c == '\u00b4';
    }
}
