package uk.hearth.intake.triage;

import static uk.hearth.intake.triage.Lexicon.LANDLORD;
import static uk.hearth.intake.triage.Lexicon.NUM;
import static uk.hearth.intake.triage.Lexicon.anyOf;

import java.util.Optional;
import java.util.regex.Pattern;

import uk.hearth.complaint.CaseClass;

/**
 * Complaints in the sender's own words about the service: criticism, frustration, not being told,
 * disputed charges, requests ignored, a remedy sought. Anger aimed at a fault ("this mould is
 * disgusting") is not here: that is a service request. Criticism of a neighbour is not ours either.
 */
final class DissatisfactionRules {

    static final Pattern CRITICISM = anyOf(
            "\\b(?:not|isnt|wasnt|arent|werent|aint|never) good enough\\b",
            "\\b(?:disgusting|disgraceful|shocking|appalling|ridiculous|unacceptable|outrageous"
                    + "|terrible|awful) (?:that|how) (?:you|your|they|the|we|i|it|this|my)\\b",
            "\\bdisgraceful", "\\bdisgrace\\b", "\\bappalling\\b", "\\boutrageous", "\\bincompetent",
            "\\bshambles\\b",
            "\\b(?:absolute|total|complete|utter|bloody) (?:joke|disgrace|shambles|nightmare)\\b",
            "\\b(?:this|that|" + LANDLORD
                    + ")(?: (?:housing association|association|council|landlord|company|organisation|service"
                    + "|repairs service|repairs|office|lot|people|team|department))? (?:is|are|have been) (?:a "
                    + "|an |an absolute |a total )?(?:joke|useless|rubbish|hopeless|disgrace|terrible|awful"
                    + "|shocking|shambles|pathetic|incompetent|a joke)\\b",
            "\\b(?:bad|poor|terrible|awful|rubbish|useless|shocking|worst|dreadful|appalling|disgusting"
                    + "|lousy|very bad) (?:customer )?(?:service|communication|response|handling|landlord"
                    + "|housing association|council|treatment)\\b",
            "\\b(?:gone|going) downhill",
            "\\b(?:not|never) (?:happy|satisfied|impressed|pleased)\\b",
            "\\b(?:unhappy|dissatisfied|disappointed) (?:with|about|that|by|at)\\b",
            "\\blet(?:ting)? (?:me|us|residents|tenants) down\\b",
            "\\bfailed (?:me|us|my|our)\\b",
            "\\bfail(?:ed|ure|ing|s)? to (?:remedy|repair|fix|respond|reply|act|deal with|carry out"
                    + "|complete|resolve|address|attend|turn up|keep|honour|return|investigate|notify|inform)\\b",
            "\\bis there (?:any|even a) point\\b", "\\bwhats the point\\b",
            "\\bno point (?:in )?(?:reporting|ringing|calling|complaining)\\b",
            "\\bdone asking nicely", "\\bend of my tether", "\\benough is enough", "\\blast straw",
            "\\b(?:anyone|anybody|someone) (?:there |here )?(?:actually )?going to do (?:anything|something)\\b",
            "\\bharass(?:ment|ing me)\\b",
            "\\b(?:you|your \\w+|they|the office|someone) lost (?:my|the|our|his|her)\\b");
    static final Pattern FRUSTRATION = anyOf(
            "\\bunacceptable\\b", "\\bridiculous\\b", "\\bunbelievable\\b", "\\bbeggars belief\\b", "\\bfuming\\b",
            "\\bfurious\\b", "\\blivid\\b", "\\bseething\\b", "\\bfed up\\b", "\\bsick (?:and tired )?of\\b",
            "\\bhad enough\\b", "\\bfrustrat\\w+",
            "(?<!can you |could you |please |can someone |could someone )\\bsort (?:it|this) out\\b",
            "\\bsort yourselves out", "\\bget your act together", "\\b(?:thats|its|this is|simply|just) not on\\b",
            "(?:^|[.!] )not on\\b", "\\bnot acceptable\\b", "\\bshould not have to\\b", "\\bshouldnt have to\\b");
    static final Pattern COMMUNICATION = anyOf(
            "\\b(?:no|without|zero|little|short) (?:prior |advance )?(?:notice|warning|notification|heads up)\\b",
            "\\b(?:wasnt|werent|was not|were not|not|never|nobody|no one|no-one) (?:been |being |even"
                    + " )?(?:told|informed|notified|warned|consulted|kept (?:informed|updated|in the loop))\\b",
            "\\b(?:told|given) (?:" + NUM
                    + "|different|conflicting|mixed|contradictory) (?:different )?(?:things|stories|answers"
                    + "|dates|reasons|versions)\\b",
            "\\b(?:conflicting|contradictory|mixed) (?:information|messages|answers|advice)",
            "\\btell me the truth\\b", "\\blied\\b",
            "\\b(?:nobody|no one) (?:seems to know|knows|can tell me|can give me|could tell me|could give me)\\b",
            "\\b(?:have|had|having) to (?:explain|repeat|tell) (?:\\w+ ){0,3}(?:again|each time|every"
                    + " time|over and over)",
            "\\b(?:nobody|no one)(?: \\w+){0,5} (?:has been |was |is )?able to explain");
    static final Pattern DISPUTED_CHARGE = anyOf(
            "\\b(?:i|we) (?:dont|do not|didnt|did not) owe\\b",
            "\\b(?:not|never) (?:in )?arrears\\b", "\\bovercharg\\w*",
            "\\bcharged (?:me |us )?(?:twice|double|wrongly|incorrectly)\\b",
            "\\b(?:wrong|incorrect|unfair|unjustified|inflated) (?:charge|bill|invoice|amount|rent"
                    + "|arrears|service charge|figure|recharge)\\b",
            "\\bstop sending (?:me )?(?:letters|bills|demands)",
            "\\b(?:dispute|disputing|challenge|challenging) (?:the|this|my|a) (?:charge|bill|arrears"
                    + "|invoice|recharge|rent)",
            "\\bwhy (?:am i|are we|should i|should we|do i|do we) (?:paying|being charged|charged)\\b",
            "\\bcharged (?:me |us )?(?:£?[\\d.,]+ )?for\\b[^.!?\\n]{0,50}\\b(?:didnt|did not|never|not my"
                    + "|wasnt|hasnt)\\b");
    static final Pattern ASKED_BEFORE = anyOf(
            "\\b(?:i|we|ive|weve|i have|we have|i had) (?:already |specifically |clearly |repeatedly"
                    + " )?(?:asked|told|requested|reminded|informed|explained to) (?:you|your \\w+|the \\w+ team"
                    + "|them|the office)\\b",
            "\\breasonable adjustments?\\b", "\\blarge print\\b", "\\beasy read\\b", "\\bbraille\\b");
    static final Pattern STILL_HAPPENING = anyOf(
            "\\b(?:got|received|had|sent|came|another) another\\b",
            "\\banother\\b", "\\bstill\\b", "\\bagain\\b", "\\bignored\\b", "\\banyway\\b", "\\bdespite\\b",
            "\\beven though\\b", "\\bcant read\\b");
    static final Pattern REMEDY = anyOf(
            "\\blook (?:in)?to (?:it|this|that|what|why|how|the matter)\\b",
            "\\blooked into\\b",
            "\\binvestigate (?:this|it|why|what|how|the way|my)\\b",
            "\\bexplain why\\b",
            "\\b(?:an |a proper |a full )?explanation (?:of|for|as to) (?:why|how)",
            "\\b(?:want|like|demand|expect|deserve) (?:an |a proper |a full )?(?:apology|compensation"
                    + "|explanation)\\b",
            "\\bapologi[sz]e\\b", "\\bcompensat\\w+",
            "\\b(?:dont|do not) want (?:the same \\w+|him|her|them) back\\b",
            "\\bproper explanation\\b", "\\bput (?:this|it|things) right\\b");

    private DissatisfactionRules() {
    }

    static TriageRule serviceCriticism() {
        return Rules.phraseUnless("service-criticism", CaseClass.COMPLAINT, Finding.STRONG,
                "criticises the landlord's service", CRITICISM, ComplaintRules.NEIGHBOUR);
    }

    static TriageRule frustration() {
        return Rules.phraseUnless("frustration", CaseClass.COMPLAINT, Finding.MODERATE,
                "expresses frustration that may be with the service", FRUSTRATION, ComplaintRules.NEIGHBOUR);
    }

    static TriageRule poorCommunication() {
        return Rules.phrase("poor-communication", CaseClass.COMPLAINT, Finding.STRONG,
                "expresses dissatisfaction with not being told, or being told different things", COMMUNICATION);
    }

    static TriageRule disputedCharge() {
        return Rules.phrase("disputed-charge", CaseClass.COMPLAINT, Finding.STRONG,
                "disputes a charge, bill or arrears", DISPUTED_CHARGE);
    }

    /** "I asked you in January to..." followed by "another", "still", "again": an agreed request ignored. */
    static TriageRule requestIgnored() {
        return TriageRule.of("request-ignored", text -> {
            Optional<TriageText.Match> asked = text.find(ASKED_BEFORE);
            if (asked.isEmpty() || !text.hasAfter(asked.get(), STILL_HAPPENING)) {
                return Optional.empty();
            }
            return Optional.of(Finding.vote(CaseClass.COMPLAINT, Finding.STRONG,
                    Rules.quoting("says an earlier request or agreed adjustment has been ignored", asked.get())));
        });
    }

    static TriageRule remedySought() {
        return Rules.phrase("remedy-sought", CaseClass.COMPLAINT, Finding.MODERATE,
                "asks for the matter to be looked into, explained or put right", REMEDY);
    }
}
