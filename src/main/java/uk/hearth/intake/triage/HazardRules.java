package uk.hearth.intake.triage;

import static uk.hearth.intake.triage.Lexicon.anyOf;
import static uk.hearth.intake.triage.Lexicon.regex;

import java.util.Optional;
import java.util.regex.Pattern;

import uk.hearth.complaint.CaseClass;
import uk.hearth.intake.triage.Finding.Signal;

/**
 * Hazards that must be flagged urgent the moment they arrive, whatever the class (Awaab's Law: emergency
 * hazards made safe within 24 hours). Each also votes for a service request: something must be done now.
 * A hazard mentioned only in thanks for putting it right ("thanks for fixing the gas leak") is not live.
 */
final class HazardRules {

    static final Pattern GAS = anyOf(
            "\\bsmel(?:l|ls|ling|t) (?:of )?gas\\b", "\\bgas (?:smell|leak|escape)", "\\bleak(?:ing)? gas\\b",
            "\\bgas is leaking\\b", "\\bwhiff of gas\\b");
    static final Pattern CARBON_MONOXIDE = regex("\\bcarbon monoxide\\b|\\bco (?:alarm|detector|monitor)\\b");
    static final Pattern FIRE = anyOf(
            "\\bsmoke (?:is |was )?(?:coming|pouring|billowing|from|in the)\\b",
            "\\b(?:smoke|fire) alarms? (?:is |are )?(?:going off|sounding)",
            "\\bon fire\\b", "\\bcaught fire\\b", "\\b(?:a|the) fire (?:in|on|at|started)\\b", "\\bflames\\b",
            "\\bfire brigade\\b", "\\b999\\b", "\\bburning smell\\b", "\\bsmell(?:s|ing)? (?:of )?burning\\b",
            "\\bsmoking (?:socket|plug|light|switch|fuse)");
    static final Pattern ELECTRICAL = anyOf(
            "\\bsparking\\b", "\\bsparks\\b", "\\bexposed (?:wire|wiring|cable)s?\\b", "\\bbare wires?\\b",
            "\\bwires? (?:hanging|exposed|sticking)\\b", "\\belectric(?:al)? shock\\b", "\\bgot a shock\\b",
            "\\bsocket (?:is )?(?:burnt|burning|melted|scorched|hot)\\b",
            "\\bscorch\\w*", "\\bmelted (?:socket|plug)\\b");
    static final Pattern WATER = regex("\\bwater\\b|\\bleak\\w*|\\bdripping\\b|\\bdrips?\\b|\\bpouring\\b|\\bflood\\w*");
    static final Pattern ELECTRICS = anyOf(
            "\\blight fittings?\\b", "\\bceiling lights?\\b", "\\blight switch\\w*", "\\bsockets?\\b",
            "\\belectrics\\b", "\\bfuse ?box\\b", "\\bwiring\\b", "\\bconsumer unit\\b", "\\bspotlights?\\b",
            "\\blight bulb");
    static final Pattern WATER_THROUGH_CEILING = regex("\\bwater (?:is )?(?:pouring|gushing|coming|streaming|flooding|pissing)"
            + " (?:in )?(?:through|from|out of) (?:the |my |our )?(?:\\w+ )?ceiling");
    static final Pattern STRUCTURAL = anyOf(
            "\\bcollaps\\w*", "\\bcaved in\\b", "\\bbulg\\w+",
            "\\b(?:bits|chunks|lumps|pieces) of (?:plaster|ceiling|brick|masonry|concrete)",
            "\\bplaster (?:fell|falling|has fallen|coming away|came down)\\b",
            "\\bcracks? [^.!?\\n]{0,30}(?:wide enough|widening|getting (?:bigger|wider)|spreading)",
            "\\bwide enough to\\b",
            "\\b(?:ceiling|roof|wall|chimney|balcony)s? (?:is |are |has |have )?(?:come|came|coming"
                    + "|fall|fell|falling|fallen) (?:down|in)\\b");
    static final Pattern MAY_COME_DOWN = regex("\\b(?:going to|about to|might|could|will) (?:come|fall|cave) (?:down|in)\\b");
    static final Pattern STRUCTURE = regex("\\b(?:ceiling|roof|wall|plaster|chimney|balcony|stairs)\\b");
    static final Pattern SEWAGE = anyOf(
            "\\bsewage\\b", "\\bsewer (?:is )?(?:backing|overflow|coming)", "\\braw waste\\b",
            "\\b(?:toilet|drain)s? (?:is |are )?(?:overflowing|backing up|coming back up)",
            "\\bwaste (?:coming|came) (?:up|back)",
            "\\b(?:flat|house|home|kitchen|bathroom|floor|property|bedroom|lounge) (?:is |was |has"
                    + " )?(?:flooded|flooding|under water)",
            "\\bflood(?:ing|ed) (?:the|my|our)\\b");
    static final Pattern DAMP = regex("\\bdamp\\b|\\bmou?ld\\b|\\bmouldy\\b|\\bcondensation\\b|\\bpleśń|\\bpleśni\\b");
    static final Pattern HEALTH = anyOf(
            "\\basthma\\w*", "\\bchest\\b", "\\bbreath\\w*", "\\brespirat\\w*", "\\bwheez\\w*", "\\bcough\\w*",
            "\\blungs?\\b", "\\bgp\\b", "\\bdoctor\\b", "\\bhospital\\b", "\\billness\\b",
            "\\bmaking (?:us|me|him|her|them|the kids|my \\w+) (?:ill|sick|poorly)",
            "\\bhealth\\b", "\\binfections?\\b", "\\ballerg\\w*");
    static final Pattern NO_HEAT = anyOf(
            "(?<!was |were |had been |been )\\b(?:no|without|lost|zero) (?:heating|heat|hot water)\\b",
            "\\b(?:heating|boiler|hot water)(?: \\w+){0,3} (?:is |has |keeps )?(?:not working|isnt"
                    + " working|broken|stopped|broke|gone off|packed up|failed|cutting out|off)\\b");
    /** Without heat, a household is at risk if someone in it is vulnerable; cold alone is a routine urgent repair. */
    static final Pattern AT_RISK_IN_COLD = regex(VulnerabilityRules.ANY_VULNERABILITY);
    static final Pattern INSECURE = anyOf(
            "(?<!cupboard |wardrobe |oven |fridge |freezer |unit |cabinet |shower |loft"
                    + " )\\bdoors?\\b[^.!?\\n]{0,40}?\\b(?:wont|will not|doesnt|does not|cant|cannot|can not|isnt"
                    + "|not|no longer) (?:\\w+ )?(?:lock|shut|close|secure)\\b",
            "\\block (?:\\w+ ){0,3}(?:snapped|broken|smashed|bust|jammed)\\b",
            "\\bkey (?:wont|will not|doesnt|does not) turn\\b",
            "\\b(?:cant|cannot|unable to) (?:lock|secure) (?:the|my|our) (?:door|home|house|flat|property)\\b",
            "\\bdoor (?:has been |was )?(?:kicked|forced|smashed) (?:in|open)\\b",
            "\\bbroken into\\b", "\\bbreak-?in\\b");
    static final Pattern WINDOW_INSECURE = anyOf(
            "\\bwindows?\\b[^.!?\\n]{0,40}?\\b(?:wont|will not|doesnt|does not|cant|cannot|not) (?:\\w+"
                    + " )?(?:lock|shut|close)\\b",
            "\\b(?:broken|smashed) window",
            "\\bwindow (?:\\w+ ){0,2}(?:smashed|broken|missing)\\b");
    static final Pattern GROUND_FLOOR = regex("\\bground[- ]floor\\b|\\bdownstairs\\b|\\bbasement\\b|\\bbungalow\\b");
    static final Pattern TRAPPED = anyOf(
            "\\b(?:stuck|trapped|locked) (?:in|inside) (?:the |a |my |our )?(?:lift|elevator|it|flat"
                    + "|bathroom|room|house|home)\\b",
            "\\b(?:stuck|stopped) between floors\\b",
            "\\b(?:cant|cannot|unable to|can not) (?:get out|leave)(?: (?:of )?(?:the|my|his|her|their"
                    + "|our) (?:flat|home|house|building|lift))?\\b",
            "\\b(?:is|are|been|was) (?:stuck|trapped) (?:in|inside)\\b");

    private HazardRules() {
    }

    static TriageRule gas() {
        return simple("hazard-gas", "reports a smell of gas or a gas leak", GAS);
    }

    static TriageRule carbonMonoxide() {
        return simple("hazard-carbon-monoxide", "reports carbon monoxide or a CO alarm", CARBON_MONOXIDE);
    }

    static TriageRule fireOrSmoke() {
        return simple("hazard-fire-smoke", "reports fire or smoke", FIRE);
    }

    static TriageRule electrical() {
        return simple("hazard-electrical", "reports a dangerous electrical fault", ELECTRICAL);
    }

    static TriageRule waterAndElectrics() {
        return TriageRule.of("hazard-water-electrics", text -> text.findUnresolved(WATER_THROUGH_CEILING)
                .or(() -> text.findWithCompanion(WATER, ELECTRICS))
                .map(m -> hazard(Rules.quoting("reports water coming through the ceiling or near electrics", m))));
    }

    static TriageRule structural() {
        return TriageRule.of("hazard-structural", text -> text.findUnresolved(STRUCTURAL)
                .or(() -> text.has(STRUCTURE) ? text.findUnresolved(MAY_COME_DOWN) : Optional.empty())
                .map(m -> hazard(Rules.quoting("reports a possible collapse or structural failure", m))));
    }

    static TriageRule sewage() {
        return simple("hazard-sewage-flooding", "reports sewage or flooding", SEWAGE);
    }

    static TriageRule dampHarmingHealth() {
        return TriageRule.of("hazard-damp-mould-health", text -> text.findUnresolved(DAMP)
                .flatMap(damp -> text.find(HEALTH).map(health -> hazard("reports damp or mould ('" + damp.quote()
                        + "') alongside harm to health ('" + health.quote() + "')"))));
    }

    static TriageRule noHeatingForVulnerable() {
        return TriageRule.of("hazard-no-heating-vulnerable", text -> text.findUnresolved(NO_HEAT)
                .flatMap(heat -> text.find(AT_RISK_IN_COLD).map(risk -> hazard("reports no heating or hot water ('"
                        + heat.quote() + "') for someone at risk ('" + risk.quote() + "')"))));
    }

    static TriageRule insecureHome() {
        return TriageRule.of("hazard-insecure-home", text -> text.findUnresolved(INSECURE)
                .or(() -> text.has(GROUND_FLOOR) ? text.findUnresolved(WINDOW_INSECURE) : Optional.empty())
                .map(m -> hazard(Rules.quoting("reports a home that cannot be secured", m))));
    }

    static TriageRule trapped() {
        return simple("hazard-trapped", "reports someone trapped or unable to get out", TRAPPED);
    }

    private static TriageRule simple(String id, String what, Pattern pattern) {
        return TriageRule.of(id, text -> text.findUnresolved(pattern).map(m -> hazard(Rules.quoting(what, m))));
    }

    private static Finding hazard(String explanation) {
        return Finding.flag(Signal.HAZARD, explanation).andVote(CaseClass.SERVICE_REQUEST, Finding.MODERATE);
    }
}
