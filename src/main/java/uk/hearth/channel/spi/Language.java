package uk.hearth.channel.spi;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a message is in Welsh, so the acknowledgement is too (Welsh landlords must be able to correspond in
 * Welsh), for channels whose provider says nothing of the sender's language (Messenger, Instagram, most chat
 * apps). It looks for common Welsh words that English does not use; it needs two of them and a fair share of the
 * message, so a Welsh place name in an English message does not switch the reply.
 */
public final class Language {
    private static final Set<String> WELSH = Set.of(
            "mae", "maen", "yn", "yr", "fy", "eich", "ein", "ei", "wedi", "ddim", "dim", "roedd", "oedd", "oes",
            "ydw", "ydy", "ydych", "dydw", "diolch", "shwmae", "helo", "bore", "prynhawn", "noswaith", "gwelwch",
            "dda", "gyda", "efo", "mewn", "nid", "nad", "hefyd", "ond", "neu", "achos", "oherwydd", "bod", "sydd",
            "hyn", "hynny", "cael", "gael", "gallwch", "allwch", "fedrwch", "angen", "eisiau", "isio", "heddiw",
            "ddoe", "wythnos", "mis", "plis", "tŷ", "nghartref", "cartref", "cwyn", "gwyno", "atgyweirio",
            "tamprwydd", "llwydni", "ffenestr", "drws", "gwres", "boeler", "dŵr", "nhw", "chi", "ni", "fi", "mi",
            "rydw", "rwy", "rwyf", "dw", "fawr", "iawn", "pam", "beth", "pryd", "sut", "gan", "wrth", "am", "ar");
    /** Words both languages use ("am", "ar", "mi"...): they count only beside clearly Welsh ones. */
    private static final Set<String> SHARED = Set.of("am", "ar", "mi", "chi", "ni", "fi", "dim", "pam", "gan", "ei",
            "dw", "mis", "helo");

    private Language() {
    }

    /** @return "cy" when the text reads as Welsh, else "en" */
    public static String guess(String text) {
        if (text == null || text.isBlank()) {
            return "en";
        }
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        int total = 0;
        int welsh = 0;
        int distinctive = 0;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            total++;
            if (WELSH.contains(word)) {
                welsh++;
                if (!SHARED.contains(word)) {
                    distinctive++;
                }
            } else if (word.indexOf('ŵ') >= 0 || word.indexOf('ŷ') >= 0) {
                welsh++;
                distinctive++;
            }
        }
        return distinctive >= 2 && welsh * 4 >= total ? "cy" : "en";
    }
}
