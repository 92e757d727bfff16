package uk.hearth.channel.twilio;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.hearth.message.Notice;

/**
 * Texts that only change whether we may message the resident: STOP and its synonyms, START and its synonyms (the
 * keywords Twilio's own opt-out handling acts on). A keyword counts only as the whole message, so "please stop the
 * noise" is a message, not an opt-out. When Twilio's Advanced Opt-Out has already classified the text it says so
 * in {@code OptOutType}, which wins.
 */
record TwilioKeywords(Set<String> optOut, Set<String> optIn, int longest) {
    static final List<String> TWILIO_OPT_OUT = List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final List<String> TWILIO_OPT_IN = List.of("START", "YES", "UNSTOP");
    /** Twilio's own keywords, for a channel configured with none. */
    static final TwilioKeywords DEFAULT = of(null, null);

    static TwilioKeywords of(List<String> optOut, List<String> optIn) {
        Set<String> out = normalised(optOut == null ? TWILIO_OPT_OUT : optOut);
        Set<String> in = normalised(optIn == null ? TWILIO_OPT_IN : optIn);
        int longest = Stream.concat(out.stream(), in.stream()).mapToInt(String::length).max().orElse(0);
        return new TwilioKeywords(out, in, longest);
    }

    /** @return the notice for a STOP or START, or null for a message a person should read */
    Notice notice(String body, String optOutType) {
        String type = optOutType == null ? "" : optOutType.strip().toUpperCase(Locale.ROOT);
        String word = keywordIn(body, !type.isEmpty());
        if (type.equals("STOP") || (type.isEmpty() && optOut.contains(word))) {
            return new Notice(Notice.Kind.OPT_OUT, "texted \"" + word + "\": no more automatic messages on this channel");
        }
        if (type.equals("START") || (type.isEmpty() && optIn.contains(word))) {
            return new Notice(Notice.Kind.OPT_IN, "texted \"" + word + "\": automatic messages on this channel again");
        }
        return null;
    }

    /**
     * The text as a keyword is compared: stripped, without trailing full stops or exclamation marks, in capitals.
     * Most messages are longer than any keyword and are not copied at all, unless Twilio has named them a keyword.
     */
    private String keywordIn(String body, boolean namedByTwilio) {
        String text = body == null ? "" : body.strip();
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '!')) {
            end--;
        }
        return end > longest && !namedByTwilio ? "" : text.substring(0, end).toUpperCase(Locale.ROOT);
    }

    private static Set<String> normalised(List<String> words) {
        return words.stream().map(w -> w.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
