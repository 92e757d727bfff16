package uk.hearth.intake.triage;

import static uk.hearth.intake.triage.Lexicon.NUM;
import static uk.hearth.intake.triage.Lexicon.ORDINAL;
import static uk.hearth.intake.triage.Lexicon.PERIOD;
import static uk.hearth.intake.triage.Lexicon.anyOf;
import static uk.hearth.intake.triage.Lexicon.regex;

import java.util.regex.Pattern;

import uk.hearth.complaint.CaseClass;

/**
 * Complaints: an explicit wish to complain, and the ways a service request turns into a complaint
 * (Bury 4.2, Berneslai 5) - missed visits, repeated reports, faults that keep coming back. See
 * {@link InactionRules} for delay, broken promises and silence, {@link ConductRules} for conduct and work.
 */
final class ComplaintRules {

    static final Pattern NEIGHBOUR = regex("\\bneighbou?rs?\\b|\\bnext door\\b|\\banti-?social\\b|\\basb\\b");

    static final Pattern EXPLICIT = anyOf(
            "\\b(?:make|makes|making|raise|raising|log|logging|lodge|lodging|file|filing|submit"
                    + "|submitting|register|put in|open|start|bring) (?:a |an |this |my )?(?:formal |official "
                    + "|new )?complaint\\b",
            "\\b(?:formal|official) complaint\\b",
            "\\b(?:i|we|id|wed|i would|we would|wants?|wanted|wish|wishes|like|going|would like) to complain\\b",
            "\\b(?:treat|log|record|register|take|accept|handle|deal with|escalate) (?:this|it|my \\w+"
                    + "|the \\w+|this \\w+) as (?:a |an )?(?:formal |official )?complaint\\b",
            "\\b(?:notification of|notifying you of|notice of) (?:a )?complaint\\b",
            "\\b(?:this|it) is a (?:formal |official )?complaint\\b",
            "\\bunder your complaints? (?:procedure|process|policy)",
            "\\b(?:i am|im|we are|were) complaining\\b", "\\b(?:i|we) (?:have|ve got|got) a complaint\\b",
            "\\bmy complaint (?:is|concerns|relates to) (?:about|regarding|that|the|your|how)\\b",
            "\\bcomplaint (?:about|regarding|against) (?:the|your|how|staff|a member)");

    /** Wording that settles it: the sender does want to complain, whatever else they ask. */
    static final Pattern FIRM_WISH = anyOf(
            "\\b(?:i|we|id|wed) (?:want|wish|would like|like|intend|am going|need) to (?:make|raise|log"
                    + "|lodge|file|submit|put in) (?:a |an )?(?:formal |official )?complaint\\b",
            "\\b(?:i|we) (?:want|wish|would like) to complain\\b",
            "\\bformal complaint\\b", "\\b(?:treat|log|record) (?:this|it) as a");

    static final Pattern MISSED_VISIT = anyOf(
            "\\b(?:no one|nobody|no-one|no body|none of them) (?:has |have |had |ever |even )*(?:came"
                    + "|come|turned up|turn up|showed up|showed|arrived|attended|bothered)\\b",
            "\\b(?:never|didnt|did not|failed to|hasnt|havent|has not|have not|wasnt able to) (?:\\w+"
                    + " )?(?:came|come|turn(?:ed|s|ing)? up|show(?:ed|s|ing)? up|showed|arrive[ds]?|attend(?:ed"
                    + "|s)?|came back|come back|returned|keep (?:the|my) appointment)\\b",
            "\\b(?:no one|nobody|no-one) (?:has |have |had )?(?:been|touched|looked at|done"
                    + " anything)(?: (?:out|round|near|back))?(?! in touch| able)\\b",
            "\\bno[- ]show\\b",
            "\\bwaited (?:in )?(?:all day|all morning|all afternoon|in for|in from|in between|around all day)",
            "\\bstayed (?:in|home) all day", "\\btook (?:a|the) day off\\b",
            "\\b(?:missed|cancelled) (?:my |the |our |another )?(?:appointment|visit|inspection|survey)");
    static final Pattern REPEATED_CONTACT = anyOf(
            "\\b(?:reported|rung|rang|called|phoned|chased|emailed|messaged|contacted|asked|told"
                    + "|written|wrote|complained|shown|sent|raised|logged)(?: \\w+){0,7} (?:" + NUM
                    + " times|twice|again and again|over and over|repeatedly|on (?:" + NUM
                    + "|numerous|several|many) occasions|every (?:day|week)|daily|all week|constantly|non-stop)\\b",
            "\\b(?:despite|after|following) (?:repeated|numerous|several|many|multiple|countless)"
                    + " (?:reports|requests|calls|complaints|emails|visits|attempts)\\b",
            "\\brepeatedly (?:reported|asked|rang|called|chased|told)\\b",
            "\\bagain and again\\b", "\\bover and over\\b", "\\btime (?:and|after) time\\b",
            "\\bnumerous occasions\\b",
            "\\b" + NUM + " (?:messages|voicemails|calls|emails|letters|visits|appointments|reports)\\b(?! (?:a|per"
                    + "|each) (?:day|week))",
            "\\bkeep (?:having to )?(?:ring|call|chas|report|phon|email)\\w*",
            "\\bevery time (?:i|we) (?:ring|call|phone|chase|report|ask|email)\\b",
            "\\b" + ORDINAL + " time (?:(?:that )?(?:i|we|ive|weve|i have|we have|im|were)(?: had to| have had to)?"
                    + " )?(?:reported|reporting|report|rung|rang|called|calling|asked|asking|chased|chasing"
                    + "|written|writing|complained|been in touch|contacted|emailed|messaged)\\b",
            "\\b" + ORDINAL + " (?:engineer|contractor|operative|plumber|electrician|visit|appointment|person|repair"
                    + "|attempt)\\b");
    static final Pattern RECURRING = anyOf(
            "\\b" + ORDINAL + " (?:breakdown|day|week|time|leak|flood|occasion)",
            "\\b(?:broken|broke|failed|gone|stopped|leaking|leaked|blocked|happened|come|came|cracked)"
                    + " (?:down |off |up |back )?again\\b",
            "\\b(?:broken down|broke down|failed|gone off|cut off|flooded|leaked) " + NUM + " times\\b",
            "\\bback again\\b", "\\b(?:yet|once) again\\b",
            "\\b(?:its|it is|is|has|has come|came|come) back\\b.{0,30}\\b(?:after|again|same)\\b",
            "\\bsame (?:problem|issue|fault|wall|leak|stain|thing|damp|mould)\\b",
            "\\bkeeps? (?:coming back|happening|breaking|leaking|blocking|failing|going off|cutting out)\\b",
            "\\b" + PERIOD + " running\\b");
    private ComplaintRules() {
    }

    /** Asking how to complain is a question about the process until the sender says they want to. */
    static final Pattern HOW_TO = anyOf(
            "\\b(?:how|where|who) (?:do|can|should|would) (?:i|we|you|my \\w+)\\b",
            "\\bwhat is the (?:process|procedure)\\b", "\\bis (?:there|it possible)\\b", "\\bcan (?:i|we)\\b");

    /**
     * "I want to make a complaint", "formal complaint", "treat this as a complaint" - not about a neighbour.
     * "How do I make a complaint?" is weaker: it suggests dissatisfaction but asks about the process.
     */
    static TriageRule explicitRequest() {
        return TriageRule.of("explicit-complaint-request", text -> text.findWithout(EXPLICIT, NEIGHBOUR).map(m -> {
            String sentence = text.sentenceOf(m);
            boolean asksHow = HOW_TO.matcher(sentence).find() && !text.has(FIRM_WISH);
            return asksHow
                    ? Finding.vote(CaseClass.COMPLAINT, Finding.MODERATE,
                            Rules.quoting("asks how to complain; check whether they want to make a complaint now", m))
                            .and(Finding.Signal.NEEDS_CLARIFICATION)
                    : Finding.vote(CaseClass.COMPLAINT, Finding.DECISIVE,
                            Rules.quoting("asks in terms for a complaint to be made", m));
        }));
    }

    static TriageRule missedAppointment() {
        return Rules.phrase("missed-appointment", CaseClass.COMPLAINT, Finding.STRONG,
                "expresses dissatisfaction with a missed appointment or visit", MISSED_VISIT);
    }

    static TriageRule repeatedContact() {
        return Rules.phrase("repeated-contact", CaseClass.COMPLAINT, Finding.STRONG,
                "has had to report or chase the same thing repeatedly", REPEATED_CONTACT);
    }

    static TriageRule recurringFault() {
        return Rules.phrase("recurring-fault", CaseClass.COMPLAINT, Finding.MODERATE,
                "says a fault keeps coming back after being dealt with", RECURRING);
    }
}
