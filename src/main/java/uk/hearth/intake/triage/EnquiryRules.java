package uk.hearth.intake.triage;

import static uk.hearth.intake.triage.Lexicon.WORK_VERB;
import static uk.hearth.intake.triage.Lexicon.anyOf;
import static uk.hearth.intake.triage.Lexicon.regex;

import java.util.Optional;
import java.util.regex.Pattern;

import uk.hearth.complaint.CaseClass;
import uk.hearth.intake.triage.Finding.Signal;

/**
 * Enquiries, which are not complaints (Bury 6, Berneslai 5): questions asking for information, comments
 * and suggestions, survey remarks, councillor and MP enquiries that do not ask for a complaint, and
 * anything too unclear to act on. A question asking for work to be done is a service request instead.
 */
final class EnquiryRules {

    static final Pattern ASKS_FOR_WORK = regex("\\b" + WORK_VERB + "\\b|\\bsend (?:someone|somebody)\\b");
    static final Pattern INFORMATION = anyOf(
            "\\b(?:could|can|would|will) (?:you|someone|somebody) (?:please )?(?:tell|let me know"
                    + "|advise|explain|confirm|clarify|send me (?:details|information|a copy|a breakdown|the)"
                    + "|give me (?:details|information|an update))\\b",
            "\\b(?:do|does|would|will) (?:i|we|tenants|residents|he|she) (?:need|have to|get|be able)\\b",
            "\\b(?:do|does) (?:you|anyone) know\\b",
            "\\b(?:i|we|he|she|they|id|wed|shed|hed|theyd)(?: would)? (?:like|want|wish|need|wants"
                    + "|wishes|needs) to (?:know|find out|ask|check)\\b",
            "\\b(?:wants?|wanted|would like|wishes) to know\\b",
            "\\b(?:asking|asks|ask|enquiring|inquiring|querying) (?:about|whether|if)\\b",
            "\\basked (?:whether|if)\\b",
            "\\b(?:asking|asked|asks|ask|enquiring|inquiring) (?:for (?:an update|information|advice"
                    + "|details|a breakdown|confirmation|a copy|clarification))\\b",
            "\\b(?:an |any )?update on\\b", "\\bbreakdown of\\b", "\\bconfirmation (?:of|that|whether)\\b",
            "\\binformation (?:on|about)\\b",
            "\\bhow (?:long|do|does|can|much|many|often|would|should|did)\\b",
            "\\bwhat (?:is|are|happens|time|day|date|should(?! (?:i|we) do\\b)|do i need|documents|if)\\b",
            "\\bwhen (?:is|will|are|does|do|can|should)\\b", "\\bwhere (?:is|can|do|should|does)\\b",
            "\\b(?:who|whos) (?:is|do|should|can|deals|the best)\\b",
            "\\b(?:am i|are (?:we|tenants|residents)|is (?:it|my \\w+|he|she)) (?:allowed|eligible"
                    + "|entitled|able|permitted|responsible)\\b",
            "\\beligib\\w+", "\\bentitled to\\b", "\\bright to (?:buy|acquire)\\b", "\\bmutual exchange\\b",
            "\\b(?:is|are) (?:that|this|it) (?:down to|my responsibility|your responsibility)\\b",
            "\\b(?:do|does) (?:you|you lot|the council) (?:deal with|cover|do|provide|offer|allow|charge)\\b",
            "\\bcan (?:i|we|my \\w+|he|she|they|tenants) \\w+",
            "\\bis it only\\b", "\\bor is it\\b",
            "\\bjust (?:wondering|asking|curious|checking)\\b",
            "\\bfor future ref\\w*", "\\bout of interest\\b");
    static final Pattern QUESTION = regex("\\?");
    static final Pattern PLEA = regex("\\bwhat (?:should|do|can|shall) (?:i|we) do\\b|\\bhelp(?: me| us)?(?: please)?\\W*$");
    static final Pattern COMMENT = anyOf(
            "\\b(?:just )?a (?:quick |small |little )?(?:comment|suggestion|thought|observation|idea)\\b",
            "\\b(?:i|we) (?:would )?suggest", "\\bsuggestion", "\\bmight (?:be worth|want to)\\b",
            "\\b(?:would|could) (?:be|it be) (?:nice|good|great|better|helpful|worth)\\b",
            "\\bcould (?:be|do with being) (?:better|improved|cleaner|clearer|bigger|larger|more)\\b",
            "\\b(?:would|id|wed) (?:like|love) to see\\b", "\\bit would help (?:if|to)\\b",
            "\\bfor (?:the )?next (?:one|time|issue|edition)\\b",
            "\\bin future,? (?:you|it|could|might|maybe)\\b", "\\bhave you (?:thought|considered)\\b",
            "\\bworth (?:thinking|considering|looking)\\b");
    static final Pattern SURVEY = anyOf(
            "\\b(?:satisfaction|tenant|resident|customer|annual|perception|feedback|transactional|star"
                    + "|tsm|online|text|sms|email|phone|telephone|post-?repairs?|repairs?) survey\\b",
            "\\bsurvey (?:response|comment|feedback|question|form|result)s?\\b",
            "^survey\\b", "\\bhow satisfied\\b", "\\bsatisfaction (?:score|rating)\\b", "\\bany other comments\\b",
            "\\bquestionnaire\\b", "\\btenant satisfaction measures?\\b");

    private EnquiryRules() {
    }

    /** A question for information, not for work: "could you tell me", "how long", "can I". */
    static TriageRule informationRequest() {
        return Rules.phraseUnless("information-request", CaseClass.ENQUIRY, Finding.STRONG,
                "asks for information", INFORMATION, ASKS_FOR_WORK);
    }

    /** A question is an enquiry, unless it is about getting work done ("could it be fixed?"). */
    static TriageRule question() {
        return TriageRule.of("question", text -> text.find(QUESTION).map(m -> {
            String sentence = text.sentenceOf(m);
            boolean aboutWork = RequestRules.ASK_FOR_WORK.matcher(sentence).find()
                    || ASKS_FOR_WORK.matcher(sentence).find() && text.has(RequestRules.FAULT);
            return aboutWork
                    ? Finding.vote(CaseClass.SERVICE_REQUEST, Finding.WEAK, Rules.quoting("asks about getting work done", m))
                    : Finding.vote(CaseClass.ENQUIRY, Finding.WEAK, Rules.quoting("asks a question", m));
        }));
    }

    /** "What should I do?" about a fault is a plea for help with it, not a request for information. */
    static TriageRule pleaForHelp() {
        return TriageRule.of("plea-for-help", text -> text.find(PLEA).filter(m -> text.has(RequestRules.FAULT))
                .map(m -> Finding.vote(CaseClass.SERVICE_REQUEST, Finding.WEAK,
                        Rules.quoting("asks for help with a fault", m))));
    }

    static TriageRule commentOrSuggestion() {
        return Rules.phrase("comment-or-suggestion", CaseClass.ENQUIRY, Finding.STRONG,
                "offers a comment or suggestion rather than asking for a remedy", COMMENT);
    }

    /** Dissatisfaction in a survey is not a complaint (Bury 4.6, Berneslai 5); the resident can be told how to complain. */
    static TriageRule surveyRemark() {
        return TriageRule.of("survey-remark", text -> text.find(SURVEY)
                .map(m -> Finding.vote(CaseClass.ENQUIRY, Finding.STRONG + Finding.MODERATE, Rules.quoting(
                        "is a survey remark; survey remarks are not complaints unless the resident asks to complain, "
                        + "so tell them how to complain if they wish", m))
                        .and(Signal.IMPLICIT_COMPLAINT_EXCLUDED)));
    }

    /** Councillor and MP enquiries are not complaints unless the member asks for one (Bury 6). */
    static TriageRule electedMemberEnquiry() {
        return TriageRule.of("elected-member-enquiry", text -> RepresentativeRules.electedMember(text)
                .map(role -> Finding.vote(CaseClass.ENQUIRY, Finding.WEAK, "comes from a "
                        + ("mp".equals(role) ? "Member of Parliament" : "councillor")
                        + "; treated as an enquiry unless they ask for a complaint or a review")
                        .and(Signal.IMPLICIT_COMPLAINT_EXCLUDED)));
    }

    /** "hi is this the right place", "ok": too little to act on, so ask. */
    static TriageRule unclearOpener() {
        return TriageRule.of("unclear-message", text -> {
            if (text.wordCount() > 8 || text.has(RequestRules.FAULT) || text.has(RequestRules.ASK_FOR_WORK)
                    || text.has(ComplimentRules.PRAISE) || text.has(INFORMATION) || text.has(COMMENT)) {
                return Optional.empty();
            }
            String quote = text.original().strip().replaceAll("\\s+", " ");
            return Optional.of(Finding.vote(CaseClass.ENQUIRY, Finding.WEAK,
                    "is too short to tell what the sender needs: '" + quote + "'")
                    .and(Signal.NEEDS_CLARIFICATION));
        });
    }
}
