package uk.hearth.intake.triage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps how a sender describes themselves ("daughter", "Citizens Advice") to a representative role, using the
 * relationship lists named in {@code rules.yaml}, and ranks roles when several are seen: most specific first,
 * so an MP's caseworker who mentions "on behalf of" is still the MP's office.
 */
final class RepresentativeRoles {

    static final RepresentativeRoles DEFAULT = new RepresentativeRoles(new LinkedHashMap<>(), Lexicon.EMPTY,
            List.of("mp", "councillor", "solicitor", "advocate", "support_worker", "family", "friend", "other"));

    private final Map<String, Integer> relationshipLists;
    private final Lexicon lexicon;
    private final List<String> precedence;

    /**
     * @param relationshipLists role to the list that recognises it in a declared relationship, in precedence order
     * @param precedence        every role, most specific first
     */
    RepresentativeRoles(Map<String, Integer> relationshipLists, Lexicon lexicon, List<String> precedence) {
        this.relationshipLists = relationshipLists;
        this.lexicon = lexicon;
        this.precedence = List.copyOf(precedence);
    }

    /** "daughter" becomes family, "Citizens Advice" advocate; anything unrecognised is other. */
    String roleFor(String relationship) {
        if (relationship == null || relationship.isBlank()) {
            return "other";
        }
        TriageText words = TriageText.inEveryLanguage(relationship.replace('_', ' '), lexicon);
        for (Map.Entry<String, Integer> role : relationshipLists.entrySet()) {
            if (words.has(role.getValue())) {
                return role.getKey();
            }
        }
        return "other";
    }

    /** The more specific of two roles; either may be null. */
    String moreSpecific(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return precedence.indexOf(a) <= precedence.indexOf(b) ? a : b;
    }
}
