package uk.hearth.intake.triage;

import static uk.hearth.intake.triage.Lexicon.MONTH;
import static uk.hearth.intake.triage.Lexicon.NUM;
import static uk.hearth.intake.triage.Lexicon.PERIOD;
import static uk.hearth.intake.triage.Lexicon.anyOf;
import static uk.hearth.intake.triage.Lexicon.regex;

import java.util.Optional;
import java.util.regex.Pattern;

import uk.hearth.complaint.CaseClass;

/**
 * Complaints about lack of action (the Code's "actions or lack of action"): long waits, promises not
 * kept, calls not returned, nothing done. A long wait on its own is only {@link Finding#MODERATE}: someone
 * reporting a leak "for three weeks" for the first time may simply be reporting it late.
 */
final class InactionRules {

    static final Pattern DELAY = anyOf(
            "\\b(?:been |still |am |are |were |have been |ive been |weve been )?waiting (?:since|over"
                    + "|ages|months|weeks|forever|for (?:over |nearly |almost |more than )?(?:" + NUM + "|a|an) "
                    + PERIOD + "|for (?:months|weeks|ages|years))",
            "\\bstill waiting\\b",
            "\\b(?:took|taken|taking|takes?) (?:them |you |over |nearly |almost |more than ){0,2}(?:" + NUM
                    + "|a|an) " + PERIOD + "\\b",
            "\\b(?:" + NUM + "|a|an) " + PERIOD + " (?:later|now|and (?:still|counting|nothing|no))\\b",
            "\\bafter (?:over |nearly |almost |more than )?" + NUM + " " + PERIOD + "\\b",
            "\\b(?:broken|not working|out of (?:order|service|action|use)|leaking|been off|been like"
                    + " this|outstanding|going on|off|down|without \\w+(?: \\w+)?) (?:for|since) (?:over |nearly "
                    + "|almost |more than |the (?:last|past) )?(?:" + NUM + " " + PERIOD + "|(?:a|an) " + PERIOD
                    + "|months|weeks|ages|" + MONTH + ")\\b",
            "\\bstill (?:not|isnt|hasnt|havent|no|nobody|no one|broken|leaking|dripping|nothing|doesnt"
                    + "|dont|cant|wont|not been)\\b",
            "\\b(?:" + NUM + "|a|an) " + PERIOD + " (?:without|with no)\\b",
            "\\b(?:months|weeks|ages|years) (?:and|of) (?:still |waiting|nothing)",
            "\\bhow (?:much )?longer\\b");
    static final Pattern PROMISE = anyOf(
            "\\bpromis(?:e|ed|es)\\b", "\\bassured\\b", "\\bguaranteed\\b",
            "\\b(?:was|were|been|got|i was|we were) told (?:that )?(?:it|they|someone|somebody|he|she"
                    + "|we|i|you|this|the \\w+) (?:would|will|d|were going|was going|should)\\b",
            "\\b(?:was|were|been|got) (?:told|promised|assured)(?: that)?(?: \\w+){1,5} (?:would|wud"
                    + "|will|was going to|were going to|should)\\b",
            "\\btold (?:it|this) would\\b",
            "\\b(?:said|told me|told us) (?:that )?(?:hed|shed|theyd|youd|id|itd|wed)\\b",
            "\\b(?:said|told me|told us)(?: \\w+){1,5} (?:would|wud|will|was going to|were going to)\\b",
            "\\b(?:you|they|he|she)(?: lot| people| guys)? (?:said|agreed) (?:that )?(?:you|youd|they"
                    + "|theyd|hed|shed|id|i would|i could|i can|i will|someone|somebody|it|itd|he|she|we|to)\\b");
    static final Pattern FAILURE_AFTER = anyOf(
            "\\b(?:nothing|never|no one|nobody|still|didnt|did not|hasnt|has not|havent|have not|wasnt"
                    + "|werent|later|yet to|but|instead)\\b",
            "\\bno (?:reply|answer|call|date|sign|word|show|contact|update|alarm|voucher|visit)\\b",
            "\\bnot (?:done|fixed|happened|come|been|arrived)\\b");
    static final Pattern NO_CONTACT = anyOf(
            "\\b(?:no one|nobody|no-one|never|none of you)(?: \\w+){0,2} (?:rings?|rang|calls?|called"
                    + "|phoned|phones|gets?|got|came|comes|emails?|emailed|wrote|writes) (?:me |us )?back\\b",
            "\\b(?:no one|nobody|no-one)(?: (?:from|at|in) [\\w ]{1,25}?)?(?: has| have| had| even|"
                    + " ever)* (?:rang|rung|called|phoned|contacted|emailed|replied|responded|been in touch|got"
                    + " in touch|let (?:me|us) know|bothered)\\b",
            "\\b(?:never|didnt|did not|doesnt|does not|wont|will not|hasnt|havent|not even) (?:ever"
                    + " )?(?:bother(?:ed)? to )?(?:ring|rang|call|called|phone|phoned|reply|replied"
                    + "|respond(?:ed)?|answer(?:s|ed)?|return(?:ed)?|acknowledge[d]?|get back|got back"
                    + "|contact(?:ed)?|update[d]?|listen(?:ed)?)\\b(?: to)?(?: (?:me|us|my|our|emails|calls"
                    + "|messages|letters|the phone))?",
            "\\b(?:no|not had (?:a|an|any)|havent had (?:a|an|any)|never had (?:a|an|any)|never got"
                    + " (?:a|an|any)|still no|not received (?:a|an|any)|not yet had (?:a|an|any)|without (?:a|an"
                    + "|any)) (?:reply|response|answer|call ?back|update|acknowledgement|contact|word|feedback"
                    + "|explanation)\\b",
            "\\bkeeps? (?:being|getting) (?:told|fobbed)\\b",
            "\\b(?:always|just|only ever) (?:get )?told (?:soon|next week|its on the list|to wait)\\b",
            "\\bheard nothing\\b", "\\bnot heard (?:anything|back)", "\\bhavent heard\\b",
            "\\b(?:ive|i have|weve|we have) had nothing",
            "\\b(?:nobody|no one) (?:is |ever )?answer(?:s|ing)?\\b",
            "\\bignor(?:ed|ing)\\b", "\\bfob(?:bed|bing)? (?:me |us )?off\\b",
            "\\b(?:nobody|no one) (?:ever )?(?:listens|cares|bothers)\\b");

    static final Pattern NO_ACTION = anyOf(
            "\\b(?:youve|you have|you|theyve|they have|they|nobody has|no one has|you lot have|yous"
                    + " have)(?: still| basically| absolutely)? done (?:nothing|fuck all|sod all|bugger all"
                    + "|zilch)\\b",
            "\\bnothing (?:has been|was|is being|ever gets?|gets?|is) done\\b",
            "\\bnothing (?:has )?(?:happened|changed)\\b", "\\b(?:no one|nobody) (?:is |has been )?(?:working on|doing anything)",
            "\\bno action (?:has been |was |is being )?taken\\b",
            "\\bstill nothing\\b", "(?:^|[.!?,] ?)nothing ?(?:[.!]|$)");

    /** "Why has the scaffold been up for months?" - a question whose point is the delay. */
    static final Pattern RHETORICAL_WHY = regex("\\b(?:why|how come) (?:has|have|is|are|does|do|did|was|were|cant|wont|hasnt"
            + "|havent|isnt|arent|doesnt|dont|didnt|nobody|no one|its|it)\\b[^?!.\\n]{0,80}\\b(?:still|not|no one|nobody|never"
            + "|so long|months|weeks|nothing|ages|yet)\\b");

    private InactionRules() {
    }

    static TriageRule delay() {
        return Rules.phrase("delay", CaseClass.COMPLAINT, Finding.MODERATE,
                "describes a long wait or a fault still not put right", DELAY);
    }

    /** A promise on its own is weak; a promise followed by "nothing", "never", "still" is broken. */
    static TriageRule brokenPromise() {
        return TriageRule.of("broken-promise", text -> {
            Optional<TriageText.Match> promise = text.find(PROMISE);
            if (promise.isEmpty()) {
                return Optional.empty();
            }
            boolean broken = text.hasAfter(promise.get(), FAILURE_AFTER)
                    || FAILURE_AFTER.matcher(text.sentenceOf(promise.get())).find();
            return Optional.of(Finding.vote(CaseClass.COMPLAINT, broken ? Finding.STRONG : Finding.WEAK,
                    Rules.quoting(broken ? "says a promise made to them was not kept"
                            : "mentions something they were promised", promise.get())));
        });
    }

    static TriageRule rhetoricalWhy() {
        return Rules.phrase("why-question", CaseClass.COMPLAINT, Finding.MODERATE,
                "asks why something has not been done, a question whose point is dissatisfaction", RHETORICAL_WHY);
    }

    static TriageRule noAction() {
        return Rules.phrase("no-action-taken", CaseClass.COMPLAINT, Finding.STRONG,
                "says the landlord has done nothing about it", NO_ACTION);
    }

    static TriageRule noContact() {
        return Rules.phrase("not-called-back", CaseClass.COMPLAINT, Finding.STRONG,
                "is unhappy at not being called back, answered or listened to", NO_CONTACT);
    }
}
