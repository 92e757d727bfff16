package uk.hearth.intake;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long ago, by the sender's own words, the matter began: "for two years", "18 months ago", "since 2023",
 * "since March last year". Used only to flag a case for staff discretion against a policy's time limit.
 */
final class IssueAge {
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("eighteen", 18),
            Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("several", 3), Map.entry("few", 2),
            Map.entry("couple of", 2));
    private static final String COUNT = "(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|fifteen|eighteen|twenty|several|few|couple of)";
    private static final Pattern SPAN = Pattern.compile("\\b(?:for|over|more than|nearly|almost|since|about|around|"
            + "past|last|the last|the past)\\s+(?:the\\s+)?(?:last\\s+|past\\s+)?" + COUNT + "\\s+(years?|months?)\\b"
            + "|\\b" + COUNT + "\\s+(years?|months?)\\s+ago\\b");
    private static final Pattern SINCE_YEAR = Pattern.compile("\\bsince\\s+(?:\\w+\\s+)?((?:19|20)\\d\\d)\\b");

    private IssueAge() {
    }

    /** The longest span the text mentions, if any. */
    static Optional<Period> in(String text, LocalDate today) {
        String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        Period longest = null;
        // Every span names years or months, every dated one says "since": most messages need neither pattern.
        Matcher m = SPAN.matcher(t.contains("year") || t.contains("month") ? t : "");
        while (m.find()) {
            String count = m.group(1) != null ? m.group(1) : m.group(3);
            String unit = m.group(2) != null ? m.group(2) : m.group(4);
            int n = count.matches("\\d+") ? Integer.parseInt(count) : WORDS.getOrDefault(count, 0);
            Period p = unit.startsWith("year") ? Period.ofYears(n) : Period.ofMonths(n);
            longest = longer(longest, p);
        }
        Matcher y = SINCE_YEAR.matcher(t.contains("since") ? t : "");
        while (y.find()) {
            int year = Integer.parseInt(y.group(1));
            if (year <= today.getYear()) {
                longest = longer(longest, Period.between(LocalDate.of(year, 12, 31), today));
            }
        }
        return Optional.ofNullable(longest).map(Period::normalized);
    }

    private static Period longer(Period a, Period b) {
        return a == null || b.toTotalMonths() > a.toTotalMonths() ? b : a;
    }
}
