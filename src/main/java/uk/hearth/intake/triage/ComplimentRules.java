package uk.hearth.intake.triage;

import static uk.hearth.intake.triage.Lexicon.anyOf;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import uk.hearth.complaint.CaseClass;

/**
 * Compliments: praise or thanks, passed to the team. A sign-off ("Thanks, Jo") is courtesy, not praise,
 * and is not counted. Thanks wrapped round dissatisfaction is still a complaint; that is settled by
 * precedence in {@link DecisionCombiner}, not here.
 */
final class ComplimentRules {

    static final Pattern PRAISE = anyOf(
            "\\bthank(?:s| you| u)(?: so much| very much| all| again| a lot| loads| ever so much| so so"
                    + " much)? (?:to|for)\\b",
            "\\b(?:thank you|thanks|thank u) (?:so|very|ever so) much\\b",
            "\\b(?:want(?:ed)?|like|d like|would like|wish) to (?:say )?(?:a (?:big |huge |massive )?)?thank",
            "\\b(?:just )?want(?:ed)? to say (?:how|what a|a big|a huge|well done)\\b",
            "\\b(?:big|huge|massive|special) thank",
            "\\b(?:say|pass on|passing on|send|give) (?:a |my |our |their |residents |the )?(?:thanks"
                    + "|thank you|appreciation|gratitude)\\b",
            "\\bthanks from\\b", "\\bappreciat(?:ed|e it|e all|ion)\\b", "\\bgrateful\\b", "\\bgratitude\\b",
            "\\b(?:impressed|chuffed|delighted) (?:with|by)\\b(?<!not impressed with|nt impressed with"
                    + "|not impressed by|nt impressed by)",
            "\\b(?:very|really|so) (?:pleased|happy) with\\b",
            "\\bcheers (?:for|to)\\b", "\\btop marks\\b",
            "\\b(?:tidy|clean|friendly|polite|helpful) and (?:tidy|clean|friendly|polite|helpful|quick)\\b",
            "\\bcompliments?\\b", "\\bpraise\\b", "\\bkudos\\b", "\\bshout ?out\\b", "\\bwell done\\b",
            "\\bhats off\\b", "\\bcredit to\\b", "\\btop (?:bloke|man|lady|woman|guy|lad|job)\\b", "\\blegend\\b",
            "\\bdiamond\\b", "\\ba star\\b",
            "\\b(?:great|brilliant|lovely|fantastic|amazing|excellent|good|superb|wonderful|smashing"
                    + "|fab|fabulous|outstanding|first class|cracking|speedy|efficient|quick) (?:job|work"
                    + "|service|repair|response|team|guys|lads|bloke|fitters?|engineers?|plumbers?)\\b",
            "\\b(?:was|were|is|are|been|so|very|really|dead|extremely|incredibly|absolutely) (?:great"
                    + "|brilliant|lovely|fantastic|amazing|excellent|superb|wonderful|helpful|kind|polite"
                    + "|friendly|professional|respectful|patient|efficient|spotless|reassuring|understanding)\\b",
            "\\b(?:did|done|doing) (?:a|an|such a) (?:\\w+ )?(?:good|great|lovely|fantastic|brilliant"
                    + "|excellent|amazing|superb|cracking|smashing) job\\b",
            "\\b(?:look|looks|looking) (?:great|lovely|fantastic|amazing|brilliant)\\b",
            "\\bmade (?:a|such a) (?:huge|big|real|massive|world of) difference\\b",
            "\\btreated (?:me|us|her|him|my \\w+) with (?:dignity|respect|kindness)\\b",
            "\\b(?:so|really|very) (?:quickly|promptly|efficiently)\\b",
            "\\bdiolch (?:yn fawr|am|i|o galon)\\b", "\\bdziękuj\\w* (?:bardzo|za)\\b", "\\bmuchas gracias\\b",
            "\\bmerci beaucoup\\b",
            "\\b(?:has|have) (?:finally |now |all )?been (?:sorted|fixed|resolved|done)(?: properly)?\\b",
            "\\bactually (?:rang|called|came|turned up|sorted|fixed|listened)\\b");

    private ComplimentRules() {
    }

    /** Counts the distinct words of praise; a message full of thanks outweighs a small snag mentioned in passing. */
    static TriageRule thanksOrPraise() {
        return TriageRule.of("thanks-or-praise", text -> {
            List<TriageText.Match> praise = text.findAll(PRAISE);
            if (praise.isEmpty()) {
                return Optional.empty();
            }
            int weight = Math.min(Finding.WEAK + praise.size(), 5);
            return Optional.of(Finding.vote(CaseClass.COMPLIMENT, weight,
                    Rules.quoting("thanks or praises the service" + (praise.size() > 1 ? " (" + praise.size() + " times)" : ""),
                            praise.get(0))));
        });
    }
}
