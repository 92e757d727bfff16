package uk.hearth.intake.triage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The phrase lists of every language, compiled into one {@link PhraseMatcher}. Lists of the languages marked
 * {@code always} apply to every message; another language's lists apply when its marker words show the message
 * is written in it (Welsh speakers mix languages, so English always applies too), or when the channel says so.
 */
final class Lexicon {

    /**
     * @param name       what an officer calls it ("Polish"), for reasons
     * @param markers    common words of the language; for a language that is not {@code always}, at least
     *                   {@code minMarkers} different ones show a message is in it, and in every language they
     *                   decide which one a message is mainly written in
     * @param minMarkers how many different marker words it takes
     * @param spellings  what people type, mapped to the words the lists are written in
     */
    record Language(String code, String name, boolean always, Set<String> markers, int minMarkers,
                    Map<String, String[]> spellings) {
    }

    static final Lexicon EMPTY = new Lexicon(List.of(new Language("en", "English", true, Set.of(), 0, Map.of())),
            Map.of(), new PhraseMatcher(), new int[0], new int[0]);

    private final List<Language> languages;
    private final Map<String, Integer> lists;
    private final String[] names;
    private final PhraseMatcher matcher;
    private final int[] listOf;
    private final int[] languageBitOf;
    private final int alwaysMask;
    /** For each marker word, the bits of the languages it marks: one look-up a word, however many languages. */
    private final Map<String, Integer> markerLanguages;
    private final Map<Integer, Map<String, String[]>> spellingsByMask = new ConcurrentHashMap<>();

    /**
     * @param lists         list name to list number
     * @param listOf        for each entry number in the matcher, its list number
     * @param languageBitOf for each entry number, the bit of its language (1 &lt;&lt; index in {@code languages})
     */
    Lexicon(List<Language> languages, Map<String, Integer> lists, PhraseMatcher matcher, int[] listOf, int[] languageBitOf) {
        this.languages = List.copyOf(languages);
        this.lists = Map.copyOf(lists);
        this.names = new String[lists.size()];
        lists.forEach((name, id) -> names[id] = name);
        this.matcher = matcher;
        this.listOf = listOf;
        this.languageBitOf = languageBitOf;
        int always = 0;
        for (int k = 0; k < languages.size(); k++) {
            if (languages.get(k).always()) {
                always |= 1 << k;
            }
        }
        this.alwaysMask = always;
        Map<String, Integer> markers = new HashMap<>();
        for (int k = 0; k < languages.size(); k++) {
            int bit = 1 << k;
            languages.get(k).markers().forEach(word -> markers.merge(word, bit, (a, b) -> a | b));
        }
        this.markerLanguages = Map.copyOf(markers);
    }

    /** The list's number, or -1 if no language defines it. */
    int id(String list) {
        Integer id = lists.get(list);
        return id == null ? -1 : id;
    }

    String name(int list) {
        return names[list];
    }

    int size() {
        return names.length;
    }

    /** The languages whose lists apply: the {@code always} ones, the hinted one, and any the words show. */
    int languagesFor(Tokens raw, String hint) {
        int mask = alwaysMask;
        String hinted = Objects.requireNonNullElse(hint, "");
        for (int k = 0; k < languages.size(); k++) {
            if (languages.get(k).code().equalsIgnoreCase(hinted)) {
                mask |= 1 << k;
            }
        }
        int shown = 0;
        Map<Integer, Set<String>> seen = null;
        for (int w = 0; w < raw.size; w++) {
            Integer bits = markerLanguages.get(raw.words[w]);
            if (bits == null) {
                continue;
            }
            for (int rest = bits & ~alwaysMask & ~shown; rest != 0; rest &= rest - 1) {
                int k = Integer.numberOfTrailingZeros(rest);
                if (seen == null) {
                    seen = new HashMap<>();
                }
                Set<String> words = seen.computeIfAbsent(k, x -> new HashSet<>());
                words.add(raw.words[w]);
                if (words.size() >= languages.get(k).minMarkers()) {
                    shown |= 1 << k;
                }
            }
        }
        return mask | shown;
    }

    /**
     * Which of the languages in {@code mask} the message is mainly written in: the one with most marker words
     * in it, the first listed on a tie (so English when nothing else shows). When that is a language that always
     * applies, a message mostly in a script none of the languages here is written in (Gujarati, Tamil...) - at
     * least three words in it, and more than the marker words - is written in that script instead, named by it.
     * One pass over the words, as {@link #languagesFor}.
     */
    Language mainLanguage(Tokens raw, int mask) {
        int[] markers = new int[languages.size()];
        Map<Character.UnicodeScript, Integer> scripts = new HashMap<>();
        for (int w = 0; w < raw.size; w++) {
            Integer bits = markerLanguages.get(raw.words[w]);
            for (int rest = bits == null ? 0 : bits & mask; rest != 0; rest &= rest - 1) {
                markers[Integer.numberOfTrailingZeros(rest)]++;
            }
            int first = raw.words[w].codePointAt(0);
            Character.UnicodeScript script = Character.UnicodeScript.of(first);
            if (Character.isLetter(first) && script != Character.UnicodeScript.LATIN
                    && script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED) {
                scripts.merge(script, 1, Integer::sum);
            }
        }
        int main = Integer.numberOfTrailingZeros(alwaysMask);
        for (int k = 0; k < languages.size(); k++) {
            if (markers[k] > markers[main]) {
                main = k;
            }
        }
        if (!languages.get(main).always()) {
            return languages.get(main);
        }
        int least = Math.max(3, markers[main] + 1);
        return scripts.entrySet().stream().filter(e -> e.getValue() >= least)
                .max(Map.Entry.comparingByValue())
                .map(e -> new Language("other", script(e.getKey()), false, Set.of(), 0, Map.of()))
                .orElse(languages.get(main));
    }

    private static String script(Character.UnicodeScript script) {
        String name = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " script";
    }

    /** The language of that code, or null. */
    Language language(String code) {
        return languages.stream().filter(l -> l.code().equals(code)).findFirst().orElse(null);
    }

    int everyLanguage() {
        return (1 << languages.size()) - 1;
    }

    Set<String> codes(int mask) {
        Set<String> codes = new LinkedHashSet<>();
        for (int k = 0; k < languages.size(); k++) {
            if ((mask & 1 << k) != 0) {
                codes.add(languages.get(k).code());
            }
        }
        return codes;
    }

    Tokens respell(Tokens raw, int mask) {
        return raw.respell(spellingsByMask.computeIfAbsent(mask, this::spellings));
    }

    PhraseMatches match(Tokens tokens, int mask) {
        return matcher.match(tokens, names.length, listOf, languageBitOf, mask);
    }

    private Map<String, String[]> spellings(int mask) {
        Map<String, String[]> merged = new HashMap<>();
        for (int k = 0; k < languages.size(); k++) {
            if ((mask & 1 << k) != 0) {
                merged.putAll(languages.get(k).spellings());
            }
        }
        return Map.copyOf(merged);
    }

}
