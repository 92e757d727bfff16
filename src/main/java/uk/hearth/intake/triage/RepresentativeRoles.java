package uk.hearth.intake.triage;

import static uk.hearth.intake.triage.Lexicon.FAMILY;
import static uk.hearth.intake.triage.Lexicon.regex;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Maps how a sender describes themselves to a representative role, and ranks roles when several are seen. */
final class RepresentativeRoles {

    /** Most specific first: an MP's caseworker who mentions "on behalf of" is still the MP's office. */
    static final List<String> PRECEDENCE = List.of(
            "mp", "councillor", "solicitor", "advocate", "support_worker", "family", "friend", "other");

    private static final Map<String, Pattern> DESCRIPTIONS = Map.of(
            "mp", regex("\\bmp\\b|\\bmember of parliament\\b|\\bconstituen\\w+|\\bparliament\\w*"),
            "councillor", regex("\\bcouncill?or\\b|\\bcllr\\b|\\bmayor\\w*"),
            "solicitor", regex("\\bsolicitors?\\b|\\blawyer\\b|\\blegal\\b|\\bbarrister\\b|\\blaw firm\\b"),
            "advocate", regex("\\badvoca\\w+|\\bcitizens advice\\b|\\badvis[eo]r\\b|\\badvice\\b|\\bcab\\b"),
            "support_worker", regex("\\bsupport\\b|\\b(?:key|care|social|outreach) ?worker\\b|\\bcarer\\b|\\bcare coordinator\\b"),
            "family", regex("\\b" + FAMILY + "\\b|\\brelatives?\\b|\\bfamily\\b|\\bnext of kin\\b|\\bguardian\\b"),
            "friend", regex("\\bfriend\\b|\\bmate\\b|\\bpal\\b"));

    private RepresentativeRoles() {
    }

    /** "daughter" becomes family, "Citizens Advice" advocate, "support_worker" stays; unknown becomes other. */
    static String roleFor(String relationship) {
        if (relationship == null || relationship.isBlank()) {
            return "other";
        }
        String words = relationship.toLowerCase(Locale.ROOT).replace('_', ' ').replace('\'', ' ').strip();
        for (String role : PRECEDENCE) {
            Pattern described = DESCRIPTIONS.get(role);
            if (described != null && described.matcher(words).find()) {
                return role;
            }
        }
        return "other";
    }

    /** The more specific of two roles, by {@link #PRECEDENCE}; either may be null. */
    static String moreSpecific(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return PRECEDENCE.indexOf(a) <= PRECEDENCE.indexOf(b) ? a : b;
    }
}
