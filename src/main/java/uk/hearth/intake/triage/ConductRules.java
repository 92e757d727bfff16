package uk.hearth.intake.triage;

import static uk.hearth.intake.triage.Lexicon.NUM;
import static uk.hearth.intake.triage.Lexicon.anyOf;

import java.util.regex.Pattern;

import uk.hearth.complaint.CaseClass;

/**
 * Complaints about the landlord's people and their work: how staff or contractors behaved, and poor
 * workmanship or damage they caused ("those acting on its behalf", Berneslai 5: contractor complaints are ours).
 */
final class ConductRules {

    static final Pattern STAFF_CONDUCT = anyOf(
            "\\brude(?:ly|ness)?\\b", "\\bswore\\b", "\\bswearing\\b", "\\bsworn at\\b",
            "\\bshout(?:ed|ing) at (?:me|us|her|him|my)", "\\byelled\\b", "\\b(?:put|slammed) the phone down",
            "\\bhung up\\b", "\\bnot my (?:problem|job|department|fault)\\b", "\\bwalked (?:off|away|out)\\b",
            "\\b(?:bad|poor|terrible|disgusting|appalling|shocking|awful|stinking|rude|nasty) attitude",
            "\\battitude (?:was|of|problem)", "\\bunprofessional", "\\bpatroni[sz]ing", "\\bcondescending",
            "\\bdisrespectful", "\\bdismissive", "\\blaughed at\\b", "\\bblamed (?:me|us|my|it on)\\b",
            "\\b(?:his|her|my|our|their|your) own fault\\b", "\\btalked down to",
            "\\bspoke to (?:me|us|her|him) like", "\\bbelittl\\w*", "\\blied to (?:me|us)",
            "\\b(?:way|how) (?:i|we|she|he|my \\w+) (?:was|were|have been|has been) (?:spoken to|treated"
                    + "|talked to|dealt with)\\b",
            "\\b(?:the way|how) [\\w ]{1,30}? (?:treated|spoke to|spoken to|talked to|handled|dealt"
                    + " with) (?:me|us|my|our|her|him)\\b",
            "\\btold (?:me|us|her|him|my \\w+) to (?:stop (?:whinging|moaning|complaining|whining)|shut"
                    + " up|go away|get lost|calm down)",
            "\\b(?:cut|put) me off\\b", "\\bon hold for\\b", "\\binsensitive",
            "\\bno (?:empathy|compassion|respect)\\b",
            "\\btreated (?:me|us|her|him|my \\w+) (?:like|badly|poorly|with contempt)",
            "\\bmade (?:me|us|her|him) feel (?:like|small|stupid|worthless|awful|uncomfortable|unsafe"
                    + "|intimidated|humiliated)");
    static final Pattern POOR_WORK = anyOf(
            "\\bleft (?:without (?:doing|fixing|finishing|checking|saying)|(?:a|the) mess|(?:broken"
                    + "|rubbish|debris|tiles|mess|dust|holes?|it worse|it unfinished|the job half))",
            "\\bleft [^.!?\\n]{0,30}(?:all over|everywhere|in a mess)",
            "\\b(?:fitted|installed|sent|ordered|brought|used|delivered|put in|fixed|replaced|repaired"
                    + "|painted|cut|did|done|removed|measured|took out) (?:the |a |us the |me the |up the"
                    + " )?wrong\\b",
            "\\bwrong (?:size|part|colou?r|item|type|measurements)\\b",
            "\\bbotched", "\\bbodged", "\\bshoddy", "\\bcowboy", "\\bsloppy", "\\bslapdash",
            "\\bpoor(?:ly)? (?:workmanship|job|quality|standard|done|finished|fitted)\\b",
            "\\b(?:bad|terrible|awful|rubbish|shocking|appalling) (?:job|workmanship|repair)\\b",
            "\\b(?:caused|causing) (?:damage|a leak|a flood|a mess)\\b",
            "\\b(?:you|youve|you have|your \\w+) (?:have )?(?:damaged|ruined|smashed|broken)\\b",
            "\\b(?:lost|cost me|out of pocket by|had to pay|paid out)\\b[^.!?\\n]{0,20}£\\d",
            "\\b(?:without|no one|nobody|never|didnt|did not) (?:even )?(?:ask(?:ed|ing)?|consult(?:ed"
                    + "|ing)?|permission|check(?:ed|ing)? with)(?: (?:me|us|anyone|residents|tenants|first))?\\b",
            "\\bsigned (?:it )?off\\b",
            "\\b(?:closed|marked|signed off) (?:it |(?:the|my|our) (?:job|repair|request|case|work"
                    + "|order) )?(?:off |as )?(?:complete|completed|done|fixed|resolved)\\b",
            "\\bjob (?:is|was|has been) (?:closed|completed|marked)\\b",
            "\\b(?:treatment|repair|fix|work|job)s? (?:didnt|did not|hasnt|has not|never) (?:work|fix"
                    + "|solve|last|sort)\\b",
            "\\bmade (?:it|things|the \\w+) worse\\b",
            "\\b(?:not|never) (?:been )?(?:fixed|done|repaired) properly\\b",
            "\\bpatched (?:up|over|the|it)\\b",
            "\\b(?:contractors?|workm[ae]n|fitters?|engineers?|roofers?|plumbers?|builders?|operatives?"
                    + "|decorators?|gardeners?|your (?:men|guys|lads|team|staff))\\b[^.!?\\n]{0,60}\\b(?:damaged"
                    + "|broke|ruined|smashed|scratched|dumped|trod|made a (?:mess|hole)|caused|left (?:a|the|my"
                    + "|us|me|it|without|rubbish|mess|debris)|unplugged|switched off|turned off|cut through|flooded"
                    + "|forgot|refused|didnt (?:\\w+ ){0,3}back|did not (?:\\w+ ){0,3}back)\\b",
            "\\b(?:new|recently|just|only)\\b[^.!?\\n]{0,25}\\b(?:fitted|installed|replaced|repaired|done"
                    + "|put in)\\b[^.!?\\n]{0,40}\\b(?:leak\\w*|broken|broke|damaged|failed|stopped working|fallen"
                    + "|falling|cracked|again)\\b",
            "\\b(?:fitted|installed|replaced|repaired|done|put in) (?:last|this|only|just|a) (?:week"
                    + "|month|few|couple)\\b[^.!?\\n]{0,60}\\b(?:leak\\w*|broken|broke|damaged|failed|stopped"
                    + " working|fallen|falling|cracked|again)\\b",
            "\\bwithin (?:a|one|two|" + NUM + ") (?:days?|weeks?) (?:the same|it was back|its back)");

    private ConductRules() {
    }

    static TriageRule staffConduct() {
        return Rules.phraseUnless("staff-conduct", CaseClass.COMPLAINT, Finding.STRONG,
                "expresses dissatisfaction with how staff or a contractor behaved", STAFF_CONDUCT, ComplaintRules.NEIGHBOUR);
    }

    static TriageRule poorWorkmanship() {
        return Rules.phraseUnless("poor-work-or-damage", CaseClass.COMPLAINT, Finding.STRONG,
                "expresses dissatisfaction with the work done or damage caused by the landlord or its contractor",
                POOR_WORK, ComplaintRules.NEIGHBOUR);
    }
}
