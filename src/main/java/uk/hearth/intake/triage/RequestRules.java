package uk.hearth.intake.triage;

import static uk.hearth.intake.triage.Lexicon.anyOf;

import java.util.Optional;
import java.util.regex.Pattern;

import uk.hearth.complaint.CaseClass;

/**
 * Service requests: "a request requiring action to be taken to put something right" - a fault, a repair,
 * an adaptation, a pest, a problem with a neighbour. Anger at the fault does not make it a complaint;
 * criticism of how the landlord handled it does (see {@link ComplaintRules}).
 */
final class RequestRules {

    static final Pattern ASK_FOR_WORK = anyOf(
            "\\b(?:please|(?:can|could|would|will)(?= you| someone| somebody| one| the| an?\\b))(?: you|"
                    + " someone| somebody| one of you| the [\\w ]{0,20}?(?:officer|team|manager)| an? (?:engineer"
                    + "|plumber|electrician|joiner|officer|surveyor))?(?: please)? (?:send|come|pop|fix|repair"
                    + "|replace|look at|have a look|take a look|arrange|sort|check|cut|trim|book|fit|install"
                    + "|speak to|talk to|have a word|inspect|assess|clear|unblock|remove|move|get (?:someone"
                    + "|somebody|it|this|the \\w+)|deal with|make safe)\\b",
            "\\bsend (?:someone|somebody|an? \\w+ (?:out|round)|help|an engineer|a plumber|an electrician)\\b",
            "\\b(?:could|can|would|will) (?:it|this|they|these|that|those|the \\w+) (?:please )?be"
                    + " (?:\\w+ed|done|cut|cut back|seen|sorted|looked at|taken away|swept|painted|emptied)\\b",
            "\\b(?:is it possible|any chance|would it be possible) (?:to|of|for) (?:get|getting|have"
                    + "|having|someone|you)\\b",
            "\\b(?:asks|asked|asking) (?:me )?(?:if|whether)\\b[^.!?\\n]{0,60}\\b(?:fitted|repaired|fixed"
                    + "|replaced|installed|looked at|sorted|cut back|removed|moved)\\b",
            "\\b(?:asked me to|wants? to|wish to|like to|id like to|would like to|writing to|calling to"
                    + "|ringing to) (?:report|request|book|arrange)\\b",
            "\\brequest (?:an?|the) (?:assessment|repair|inspection|visit|adaptation|engineer|job)\\b",
            "\\b(?:can|could) (?:i|we) (?:please )?(?:get|have|book|arrange) (?:someone|somebody|an?"
                    + " \\w+ (?:out|round|to)|a repair|an appointment|a visit|an engineer|a plumber|an"
                    + " electrician)\\b",
            "\\b(?:need|needs|needing) (?:a |an |some |new )?(?:\\w+ ){0,2}(?:fitting|fitted|installing"
                    + "|installed|putting in|adapting|adapted|repairing|repaired|replacing|replaced)\\b",
            "\\b(?:need|needs) (?:someone|somebody|an? (?:engineer|plumber|electrician|repair))\\b");
    static final Pattern FAULT = anyOf(
            "\\bbroken\\b", "\\bbroke\\b", "\\bsticking\\b", "\\b(?:hard|difficult) to (?:open|close|shut|turn|lock|use)\\b",
            "\\b(?:isnt|is not|not|wont|doesnt|does not|cant) (?:\\w+ )?(?:closing|shutting|locking|opening|working|draining|flushing"
                    + "|lighting|heating|turning on|coming on|firing)\\b",
            "\\bletting (?:the )?(?:cold|rain|water|wind|draught) in\\b", "\\bnot working\\b", "\\bstopped working\\b", "\\bisnt working\\b",
            "\\bdoesnt work\\b",
            "\\bwont (?:shut|lock|open|close|turn|flush|drain|work|start|light|stop|come on)\\b",
            "\\bleak(?:ing|s|y)?\\b", "\\bdripping\\b", "\\bblocked\\b", "\\bcrack(?:ed|s)?\\b", "\\bsnapped\\b",
            "\\bdamp\\b", "\\bmou?ld\\b", "\\bcondensation\\b", "\\bmice\\b", "\\bmouse\\b", "\\brats?\\b",
            "\\bpests?\\b", "\\bcockroach\\w*", "\\bbed ?bugs\\b", "\\binfest\\w*", "\\bwasps?\\b",
            "\\bno (?:heating|hot water|power|electrics?|electricity|water|gas)\\b",
            "\\btripp(?:ed|ing)\\b", "\\boverflow\\w*", "\\bhole in\\b",
            "\\b(?:come|came|fallen|fell|hanging|coming) (?:off|down|out|away)\\b",
            "\\blifting\\b", "\\bloose\\b", "\\bstiff\\b", "\\bdropped\\b", "\\bfaulty\\b", "\\bsmashed\\b",
            "\\bflicker\\w*", "\\bcold at the top\\b", "\\bout of (?:order|service)\\b", "\\bstuck\\b", "\\bburst\\b",
            "\\bwater (?:is )?(?:coming|pouring|dripping|leaking) (?:in|through|from|out)\\b",
            "\\brott(?:en|ing)\\b", "\\bpeeling\\b", "\\bjammed\\b", "\\bseized\\b", "\\bfalling apart\\b",
            "\\bleaning\\b", "\\bovergrown\\b", "\\btouching\\b", "\\bblocks? (?:all )?the light\\b",
            "\\bneeds? (?:a )?(?:\\w+ing|new \\w+|replac\\w+|repair\\w*)\\b",
            "\\bslow(?:ly)? drain\\w*", "\\bdraining (?:really |very )?slow\\w*", "\\bfault\\b", "\\bgone off\\b",
            "\\bpacked up\\b", "\\bplaying up\\b",
            "\\b(?:cant|cannot|can not|unable to) (?:open|shut|close|lock)\\b",
            "\\b(?:radiators?|heating|water|rooms?|house|flat) (?:is |are )?(?:stone |freezing |ice )?cold\\b",
            "\\bnot (?:hot|warm)\\b", "\\bblown (?:down|over|off|in)\\b", "\\bgraffiti\\b", "\\bdumped\\b",
            "\\bfly-?tip\\w*",
            "\\bblocking (?:the )?(?:fire exit|exit|stairs|access|path|door|drive|entrance)\\b",
            "\\bbins? (?:\\w+ ){0,3}(?:not been emptied|overflowing)",
            "\\bsmell of\\b", "\\bsparking\\b", "\\bsmoke\\b", "\\balarm (?:is )?going off\\b", "\\bsewage\\b",
            "\\bflood\\w*");
    static final Pattern LOGGED = anyOf(
            "^(?:report type|category|issue|fault|repair type|repair|problem|location"
                    + "|details)\\s*:(?!\\s*(?:complaint|compliment|feedback|enquiry|other))",
            "\\b(?:rang|called|phoned|came|called in|attended|emailed|wrote|messaged|visited)(?: into"
                    + " the office| in| the office)? to report\\b",
            "\\b(?:tenant|resident|caller|mr|mrs|ms|miss|she|he)(?: [\\w.]+){0,3} reported (?:that |a "
                    + "|an |the |mould|damp|water|a leak|her|his)",
            "\\b(?:job|repair|order|works? order|inspection|visit|appointment|referral)s? (?:has been "
                    + "|was |been |now )?(?:raised|booked|logged|created|arranged)\\b",
            "\\braised (?:a|an) (?:\\w+ )?(?:job|repair|order|inspection)\\b");
    static final Pattern FIRST_REPORT = anyOf(
            "\\bfirst time (?:reported|reporting|ive reported|i have reported|this has happened|its happened)",
            "\\b(?:only |just )?(?:noticed|appeared|started|happened|spotted|discovered) (?:it |this"
                    + " )?(?:this (?:morning|week|weekend|evening)|today|yesterday|last night|overnight|earlier"
                    + "|recently|since)\\b",
            "\\b(?:since|from) (?:last night|this morning|yesterday)\\b",
            "\\bnew (?:problem|issue|fault|leak)\\b", "\\bhas (?:just )?(?:appeared|started|begun)\\b");
    static final Pattern NEIGHBOUR_BEHAVIOUR = anyOf(
            "\\bneighbou?rs?\\b[^.!?\\n]{0,50}\\b(?:noise|noisy|music|loud|shout\\w*|scream\\w*|bang\\w*"
                    + "|party|parties|parks?|parked|parking|dogs?|bark\\w*|smok\\w*|drugs?|dealing|rubbish|dump\\w*"
                    + "|fly-?tip\\w*|threat\\w*|abus\\w*|harass\\w*|intimidat\\w*|aggressive|fight\\w*|block\\w*|van"
                    + "|car|cctv|camera|smell\\w*|litter|kids)\\b",
            "\\banti-?social\\b", "\\basb\\b(?! (?:case|team|officer))",
            "\\b(?:noise|music|banging|shouting|partying|barking) (?:from|next door|upstairs|downstairs"
                    + "|all night|every night|until)\\b",
            "\\bloud music\\b", "\\bnoise nuisance\\b", "\\bdrug dealing\\b", "\\bdealing drugs\\b",
            "\\bfly-?tipping\\b");
    static final Pattern TOPIC_SWITCH = anyOf(
            "\\bwhile (?:ive|i have|im|i am|weve) got you\\b",
            "\\bwhile (?:im|i am) (?:on|here|writing|at it)\\b",
            "\\bon another note\\b",
            "\\b(?:one|another) (?:other |more )?thing\\b(?! i)",
            "\\bby the way\\b", "\\bbtw\\b", "^p\\.?s\\b", "\\balso,? (?:can|could|please|the|my)\\b",
            "\\bseparately\\b");

    private RequestRules() {
    }

    static TriageRule askForWork() {
        return Rules.phrase("request-for-action", CaseClass.SERVICE_REQUEST, Finding.MODERATE,
                "asks for something to be put right", ASK_FOR_WORK);
    }

    /** A fault described in the present, not one the sender thanks us for fixing. */
    static TriageRule faultReported() {
        return TriageRule.of("fault-reported", text -> text.findUnresolved(FAULT)
                .map(m -> Finding.vote(CaseClass.SERVICE_REQUEST, Finding.WEAK, Rules.quoting("describes a fault", m))));
    }

    static TriageRule loggedReport() {
        return Rules.phrase("report-logged", CaseClass.SERVICE_REQUEST, Finding.MODERATE,
                "is logged as a report needing work", LOGGED);
    }

    static TriageRule firstReport() {
        return Rules.phrase("first-report", CaseClass.SERVICE_REQUEST, Finding.MODERATE,
                "reads as the first report of the problem", FIRST_REPORT);
    }

    static TriageRule neighbourReport() {
        return Rules.phrase("neighbour-report", CaseClass.SERVICE_REQUEST, Finding.STRONG,
                "reports a neighbour's behaviour (about the neighbour, not about the landlord's service)", NEIGHBOUR_BEHAVIOUR);
    }

    /** "While I've got you, the window handle has snapped": a fresh request after other business. */
    static TriageRule additionalRequest() {
        return TriageRule.of("additional-request", text -> {
            Optional<TriageText.Match> turn = text.find(TOPIC_SWITCH);
            if (turn.isEmpty() || !(text.hasAfter(turn.get(), FAULT) || text.hasAfter(turn.get(), ASK_FOR_WORK))) {
                return Optional.empty();
            }
            return Optional.of(Finding.vote(CaseClass.SERVICE_REQUEST, Finding.WEAK,
                    Rules.quoting("turns to a new request", turn.get())));
        });
    }
}
