package uk.hearth.intake.triage;

import java.util.Arrays;

/** Matches found in one message, by list: pairs of word positions, start inclusive, end exclusive. */
final class PhraseMatches {

    private final int[][] spans;
    private final int[] counts;
    private final int[] listOf;
    private final int[] languageBitOf;
    private final int languages;

    PhraseMatches(int lists, int[] listOf, int[] languageBitOf, int languages) {
        spans = new int[lists][];
        counts = new int[lists];
        this.listOf = listOf;
        this.languageBitOf = languageBitOf;
        this.languages = languages;
    }

    void add(int[] accepted, int start, int end) {
        for (int entry : accepted) {
            if ((languageBitOf[entry] & languages) == 0) {
                continue;
            }
            int list = listOf[entry];
            int c = counts[list];
            int[] s = spans[list];
            if (s == null) {
                s = spans[list] = new int[8];
            } else if (s[c - 2] == start && s[c - 1] == end) {
                continue;
            } else if (c == s.length) {
                s = spans[list] = Arrays.copyOf(s, c * 2);
            }
            s[c] = start;
            s[c + 1] = end;
            counts[list] = c + 2;
        }
    }

    int count(int list) {
        return counts[list] / 2;
    }

    int start(int list, int index) {
        return spans[list][index * 2];
    }

    int end(int list, int index) {
        return spans[list][index * 2 + 1];
    }
}
