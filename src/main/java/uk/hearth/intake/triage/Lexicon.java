package uk.hearth.intake.triage;

import java.util.regex.Pattern;

/** Regular-expression fragments shared by the rules. All match normalised text (see {@link TextNormaliser}). */
final class Lexicon {

    /** A count, in figures or words: "3", "three", "several". */
    static final String NUM = "(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
            + "|several|many|numerous|multiple|countless|loads of|lots of|a few|a couple of|a number of)";
    /** A repeat: "third", "3rd". "First" is deliberately not here. */
    static final String ORDINAL = "(?:second|third|fourth|fifth|sixth|seventh|tenth|umpteenth|nth|2nd|3rd|4th|5th|6th|7th|10th)";
    static final String PERIOD = "(?:days?|weeks?|months?|years?)";
    static final String MONTH = "(?:january|february|march|april|may|june|july|august|september|october|november"
            + "|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|christmas|easter|the summer|the spring"
            + "|the autumn|the winter|last (?:year|month|winter|summer|spring|autumn))";
    static final String FAMILY = "(?:mum|mom|mam|mummy|mother|dad|daddy|father|nan|nana|nanna|nanny|gran|granny|grandma"
            + "|grandmother|grandad|granddad|grandfather|grandpa|son|daughter|brother|sister|aunt|auntie|aunty|uncle"
            + "|husband|wife|niece|nephew|cousin|parents?|grandson|granddaughter|grandchild|grandparents?"
            + "|mother-in-law|father-in-law|sister-in-law|brother-in-law|stepmum|stepdad|stepson|stepdaughter)";
    /** "You", as the landlord: "you", "your team", "the council". */
    static final String LANDLORD = "(?:you|you lot|you people|your (?:office|team|staff|people|lot|company|contractors?)"
            + "|the (?:council|landlord|housing association|association|office|repairs team|housing team))";
    /** People who act for the landlord. */
    static final String STAFF = "(?:staff|operative|engineer|contractor|workm[ae]n|plumber|electrician|roofer|fitter|joiner"
            + "|builder|surveyor|officer|manager|receptionist|call handler|gardeners?|painter|decorator|inspector)";
    /** A verb asking for work to be done; a question containing one is a request, not an enquiry. */
    static final String WORK_VERB = "(?:fix|fixed|fixing|repair|repaired|repairing|replace|replaced|replacing|fit|fitted|fitting"
            + "|install|installed|installing|cut|cut back|trim|trimmed|clean|cleaned|painted|emptied|unblock|unblocked|collected"
            + "|(?:it|this|they|these|that) be \\w+ed|sort|sorted|clear|cleared|remove|removed|send someone|send somebody"
            + "|come out|come round|pop round|get someone|get somebody|someone out|somebody out|book|look at|looked at"
            + "|have a look|take a look|check|inspect|make safe|done)";

    private Lexicon() {
    }

    /** Alternatives, one phrase family each, as a single regular expression. */
    static String oneOf(String... alternatives) {
        return String.join("|", alternatives);
    }

    /** Matches any of the alternatives. */
    static Pattern anyOf(String... alternatives) {
        return regex(oneOf(alternatives));
    }

    static Pattern regex(String regex) {
        return Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS | Pattern.MULTILINE);
    }
}
