package uk.hearth.intake.triage;

import static uk.hearth.intake.triage.Lexicon.FAMILY;
import static uk.hearth.intake.triage.Lexicon.anyOf;
import static uk.hearth.intake.triage.Lexicon.regex;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Someone writing for the tenant (Bury 8, Berneslai 6): declared on the form, or plain from the words -
 * "writing on behalf of", "my mum's flat", a councillor's or MP's signature, a support worker, an
 * advocate, a solicitor. A tenant who mentions their own councillor or solicitor ("I'll go to my MP") is
 * not a representative, so a mention preceded by "my", "to", "contact" is ignored.
 */
final class RepresentativeRules {

    /** Words just before a title that mean the sender is talking about that person, not being them. */
    private static final Pattern NOT_THE_SENDER = regex(
            "\\b(?:my|our|to|contact\\w*|copied|copy|cc|tell|told|going|complain\\w*|ask|asked|get|involve|involving)\\W*$");
    static final Pattern MP = regex("\\bmp\\b|\\bmember of parliament\\b");
    static final Pattern CONSTITUENT = regex("\\bconstituents?\\b|\\bparliamentary (?:office|caseworker|researcher)\\b");
    static final Pattern COUNCILLOR = regex("\\bcllr\\b|\\bcouncill?ors?\\b");
    static final Pattern SOLICITOR = anyOf(
            "\\bsolicitors?\\b", "\\bwe are instructed\\b", "\\bwe act (?:for|on behalf of)\\b", "\\blaw firm\\b",
            "\\blegal representatives?\\b", "\\bllp\\b", "\\bdisrepair claim\\b", "\\bpre-action\\b",
            "\\bletter of claim\\b");
    static final Pattern ADVOCATE = anyOf(
            "\\badvocate\\b", "\\badvocacy\\b", "\\bcitizens advice\\b", "\\badvice (?:worker|centre|service)\\b",
            "\\badvis[eo]r (?:at|from|with)\\b", "\\bour client\\b", "\\bshelter\\b", "\\bwelfare rights\\b");
    static final Pattern SUPPORT_WORKER = anyOf(
            "\\bsupport worker\\b", "\\bkey ?worker\\b", "\\bcare (?:worker|co-?ordinator)\\b", "\\bsocial worker\\b",
            "\\boutreach worker\\b", "\\b(?:floating|tenancy|housing) support\\b", "\\bwom[ae]ns aid\\b",
            "\\b(?:as|im|i am) (?:(?:mr|mrs|ms|miss) )?(?:\\w+s |her |his |their )carer\\b",
            "\\bcarer for\\b");
    static final Pattern FAMILY_FOR = anyOf(
            "\\b(?:writing|calling|ringing|messaging|emailing|texting|contacting you|reporting (?:this"
                    + "|it)|asking|enquiring|here|im|i am|this is) (?:on behalf of|for) (?:my|her|his|their)"
                    + " (?:\\w+ )?" + FAMILY + "\\b",
            "\\bhelping (?:my|her|his) (?:\\w+ )?" + FAMILY
                    + " (?:with|to write|write|fill|contact|report|complain)\\b",
            "\\bon behalf of (?:my|her|his|their) (?:\\w+ )?" + FAMILY + "\\b",
            "\\b" + FAMILY + " of (?:the )?(?:tenant|resident|mr|mrs|ms|miss)\\b",
            "\\b(?:im|i am) (?:his|her|their|the tenants?) " + FAMILY + "\\b",
            "\\b(?:my|her|his) " + FAMILY
                    + "s? (?:flat|house|home|property|tenancy|address|bungalow|kitchen|bathroom|boiler|heating"
                    + "|rent|landlord|garden|bedroom|door|windows?)\\b",
            "\\bmy " + FAMILY + ",? (?:mr|mrs|ms|miss|dr)\\b",
            "\\bmy " + FAMILY
                    + " (?:is the tenant|is a tenant|is your tenant|is one of your tenants|lives at|lives in)\\b",
            "\\b(?:my|her|his) (?:\\w+ )?" + FAMILY + " (?:has |have )?asked me to\\b",
            "\\b(?:rude|swore|shouted|spoke|shouting|swearing|upset|frightened|scared)(?: \\w+){0,2}"
                    + " (?:to|at|with) my " + FAMILY + "\\b");
    static final Pattern FRIEND_FOR = anyOf(
            "\\b(?:on behalf of|writing for|calling for|ringing for|messaging for|emailing for|asking"
                    + " for|helping) (?:my|a|our) (?:friend|mate|pal)\\b",
            "\\b(?:im|i am) (?:her|his|their|a) (?:friend|mate)\\b",
            "\\bmy friend(?: who| asked| has asked|,? (?:mr|mrs|ms|miss))");
    static final Pattern THIRD_PARTY = anyOf(
            "\\b(?:on behalf of|writing for|messaging for|calling for|ringing for|emailing for) (?:my|a"
                    + "|our|the) neighbou?r\\b",
            "\\bneighbou?r (?:has )?asked me\\b",
            "\\bon behalf of (?:mr|mrs|ms|miss|dr|the tenant|a tenant|tenant|one of your tenants|a"
                    + " resident|the resident|residents|my resident|him|her|them)\\b",
            "\\b(?:he|she|they)s? (?:has |have )?asked me to (?:report|request|contact|raise|write|ring"
                    + "|call|get in touch|email|message|complain)\\b",
            "\\b(?:writing|calling|messaging) (?:for|on behalf of) (?:mr|mrs|ms|miss)\\b",
            "\\bon (?:his|her|their) behalf\\b", "\\bfor one of your tenants\\b",
            "\\bon behalf of (?:my|our) clients?\\b");

    private RepresentativeRules() {
    }

    static final String DECLARED = "declared-representative";

    static TriageRule declared() {
        return TriageRule.of(DECLARED, text -> {
            if (!text.input().declaredRepresentative()) {
                return Optional.empty();
            }
            String relationship = text.input().declaredRelationship();
            String role = RepresentativeRoles.roleFor(relationship);
            return Optional.of(Finding.representative(role, relationship == null || relationship.isBlank()
                    ? "the sender declared that they act for the tenant"
                    : "the sender declared that they act for the tenant as '" + relationship.strip() + "'"));
        });
    }

    static TriageRule memberOfParliament() {
        return TriageRule.of("representative-mp", text -> asSender(text, MP).or(() -> text.find(CONSTITUENT))
                .map(m -> Finding.representative("mp", Rules.quoting("writes as, or for, a Member of Parliament", m))));
    }

    static TriageRule councillor() {
        return TriageRule.of("representative-councillor", text -> asSender(text, COUNCILLOR)
                .map(m -> Finding.representative("councillor", Rules.quoting("writes as, or for, a councillor", m))));
    }

    static TriageRule solicitor() {
        return TriageRule.of("representative-solicitor", text -> asSender(text, SOLICITOR)
                .map(m -> Finding.representative("solicitor", Rules.quoting("writes as the tenant's solicitor", m))));
    }

    static TriageRule advocate() {
        return TriageRule.of("representative-advocate", text -> asSender(text, ADVOCATE)
                .map(m -> Finding.representative("advocate", Rules.quoting("writes as an advocate or adviser", m))));
    }

    static TriageRule supportWorker() {
        return TriageRule.of("representative-support-worker", text -> asSender(text, SUPPORT_WORKER)
                .map(m -> Finding.representative("support_worker", Rules.quoting("writes as a support worker", m))));
    }

    static TriageRule family() {
        return TriageRule.of("representative-family", text -> text.find(FAMILY_FOR)
                .map(m -> Finding.representative("family", Rules.quoting("writes for a family member", m))));
    }

    static TriageRule friend() {
        return TriageRule.of("representative-friend", text -> text.find(FRIEND_FOR)
                .map(m -> Finding.representative("friend", Rules.quoting("writes for a friend", m))));
    }

    static TriageRule otherThirdParty() {
        return TriageRule.of("representative-third-party", text -> text.find(THIRD_PARTY)
                .map(m -> Finding.representative("other", Rules.quoting("writes on someone else's behalf", m))));
    }

    /** "mp" or "councillor" when the sender is an elected member or their office; used by the enquiry rule. */
    static Optional<String> electedMember(TriageText text) {
        if (text.input().declaredRepresentative()) {
            String declared = RepresentativeRoles.roleFor(text.input().declaredRelationship());
            if (declared.equals("mp") || declared.equals("councillor")) {
                return Optional.of(declared);
            }
        }
        if (asSender(text, MP).isPresent() || text.has(CONSTITUENT)) {
            return Optional.of("mp");
        }
        return asSender(text, COUNCILLOR).map(m -> "councillor");
    }

    /** The first mention of a title that is not the tenant talking about their own MP, councillor or solicitor. */
    private static Optional<TriageText.Match> asSender(TriageText text, Pattern title) {
        String normalised = text.normalised();
        return text.findAll(title).stream().filter(m -> {
            String before = normalised.substring(Math.max(0, m.start() - 24), m.start());
            return !NOT_THE_SENDER.matcher(before).find() && !before.matches("(?s).*\\b(?:my|our)\\s+\\w+\\s*$");
        }).findFirst();
    }
}
