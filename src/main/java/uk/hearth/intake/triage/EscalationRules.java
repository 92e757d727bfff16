package uk.hearth.intake.triage;

import static uk.hearth.intake.triage.Lexicon.anyOf;
import static uk.hearth.intake.triage.Lexicon.regex;

import java.util.Optional;
import java.util.regex.Pattern;

import uk.hearth.complaint.CaseClass;

/**
 * Stage 2: the resident has had a stage 1 response, is unhappy with it and wants it reviewed. The word
 * "stage" need not be used; disagreeing with "the answer about my complaint" and wanting it taken further
 * is enough.
 */
final class EscalationRules {

    /** An existing complaint: "my complaint", "stage 1", "I complained", a complaint reference. */
    static final Pattern EXISTING_COMPLAINT = anyOf(
            "\\b(?:my|the|his|her|their|our|this|your|mums?|dads?) (?:original |previous |earlier "
                    + "|first |formal |stage (?:1|one) )?complaint(?!s? (?:procedure|process|policy|team"
                    + "|department|officer|line|form))",
            "\\bstage (?:1|one)\\b", "\\bfirst stage\\b", "\\bcmp[- ]?\\d",
            "\\b(?:i|we|he|she|they) (?:already |previously |have |had )?(?:complained|made a complaint"
                    + "|raised a complaint|put in a complaint|logged a complaint)",
            "\\bcomplaint (?:ref|reference|number|no)\\b", "\\b(?:not |partly |partially |part )?upheld\\b",
            "\\bupheld part\\b");
    /** A reply to it that the sender has actually had. */
    static final Pattern RESPONSE = regex(
            "\\b(?:response|responded|reply|replied|answer|outcome|decision|letter|findings?|upheld|offer|compensation"
            + "|verdict|conclusion|phone call|rang me|called me)\\b");
    static final Pattern NO_RESPONSE_YET = regex(
            "\\b(?:no|not had (?:a|an|any)|havent had (?:a|an|any)|never (?:got|had|received) (?:a|an|any)|still waiting for (?:a|an|the)"
            + "|yet to (?:receive|get|have) (?:a|an|the)|without (?:a|an|any)) (?:response|reply|answer|outcome|decision|letter)");
    /** Asking for a review. */
    static final Pattern REVIEW = anyOf(
            "\\b(?:review(?:ed)?|reconsider\\w*|re-?examin\\w*|re-?investigat\\w*|appeal|overturn\\w*|next stage)\\b",
            "\\blook(?:ed)? (?:at|into) (?:\\w+ )?(?:again|properly)",
            "\\blooked at again",
            "\\b(?:go|goes|going|take (?:it|this)|taken|taking (?:it|this)|escalate (?:it|this)) further",
            "\\b(?:manager|senior|director|chief executive|head of service|supervisor)(?: \\w+){0,3}"
                    + " (?:to )?(?:look|review|deal|investigate|check)",
            "\\b(?:by|to) (?:a |an |the |your |somebody |someone )?(?:manager|senior|director|chief executive)",
            "\\bombudsman\\b", "\\bwhat happens next\\b", "\\bwhere do i go from here", "\\bwhat are my options");
    /** Rejecting the response. */
    static final Pattern REJECTION = anyOf(
            "\\b(?:dont|do not|doesnt|does not|didnt|did not|cant|cannot|wont|will not|not) (?:even"
                    + " )?(?:agree|accept\\w*|happy|satisfied|answer\\w*|address\\w*|deal with|cover\\w*|resolve\\w*"
                    + "|reflect\\w*|take into account|acknowledge\\w*|mention\\w*|explain\\w*)\\b",
            "\\bdisagree", "\\bdissatisfied", "\\bunhappy", "\\brubbish\\b", "\\b(?:copy|cut) and paste",
            "\\bmeant nothing", "\\bignor(?:es|ed|ing)\\b", "\\bnot good enough",
            "\\b(?:wrong|incorrect|inaccurate|unfair|inadequate|insulting|pathetic|unacceptable|a joke"
                    + "|a whitewash)\\b",
            "\\bnothing has (?:changed|happened|been done)",
            "\\b(?:no one|nobody) has (?:called|rung|been|done|contacted)",
            "\\bstill (?:not|no|nothing|havent|hasnt)\\b");
    static final Pattern STAGE_TWO = regex("\\bstage (?:2|two)\\b|\\bsecond stage\\b");
    static final Pattern ESCALATE = regex("\\bescalat\\w*");

    private EscalationRules() {
    }

    /** "Escalate to stage 2" in terms. */
    static TriageRule stageTwoRequest() {
        return TriageRule.of("stage-2-request", text -> {
            Optional<TriageText.Match> stageTwo = text.find(STAGE_TWO);
            if (stageTwo.isPresent()) {
                return Optional.of(Finding.vote(CaseClass.ESCALATION, Finding.DECISIVE,
                        Rules.quoting("asks for a complaint to go to stage 2", stageTwo.get())));
            }
            return text.find(ESCALATE).map(m -> text.has(EXISTING_COMPLAINT)
                    ? Finding.vote(CaseClass.ESCALATION, Finding.DECISIVE,
                            Rules.quoting("asks for an existing complaint to be escalated", m))
                    : Finding.vote(CaseClass.ESCALATION, Finding.MODERATE,
                            Rules.quoting("asks for something to be escalated but names no earlier complaint", m)));
        });
    }

    /** Unhappy with a complaint response that has been received, and/or wants it looked at again. */
    static TriageRule responseRejected() {
        return TriageRule.of("complaint-response-rejected", text -> {
            Optional<TriageText.Match> existing = text.find(EXISTING_COMPLAINT);
            if (existing.isEmpty() || !hasReceivedResponse(text)) {
                return Optional.empty();
            }
            Optional<TriageText.Match> review = text.find(REVIEW);
            Optional<TriageText.Match> rejection = text.find(REJECTION);
            if (review.isEmpty() && rejection.isEmpty()) {
                return Optional.empty();
            }
            int weight = (review.isPresent() ? Finding.STRONG : 0) + (rejection.isPresent() ? Finding.STRONG : 0);
            StringBuilder why = new StringBuilder("refers to a complaint already answered ('")
                    .append(existing.get().quote()).append("')");
            rejection.ifPresent(m -> why.append(", rejects the response ('").append(m.quote()).append("')"));
            review.ifPresent(m -> why.append(", asks for it to be looked at again ('").append(m.quote()).append("')"));
            return Optional.of(Finding.vote(CaseClass.ESCALATION, weight, why.toString()));
        });
    }

    private static boolean hasReceivedResponse(TriageText text) {
        if (!text.has(RESPONSE)) {
            return false;
        }
        long responses = text.findAll(RESPONSE).size();
        long unanswered = text.findAll(NO_RESPONSE_YET).size();
        return responses > unanswered;
    }
}
