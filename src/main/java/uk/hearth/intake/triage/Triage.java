package uk.hearth.intake.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The first honest triage step: a list of small named rules, read like a policy, each of which may find
 * evidence in a message; {@link DecisionCombiner} weighs the evidence into a provisional class and flags.
 * Every rule that fired is recorded in the decision's reasons, so an officer can see why.
 *
 * <p>Precedence: escalation, then an explicit complaint request, then dissatisfaction with the service,
 * then the strongest of service request, compliment and enquiry.
 */
public final class Triage {

    private final List<TriageRule> rules;

    public Triage(List<TriageRule> rules) {
        this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    }

    /** The shipped policy. */
    public static Triage standard() {
        return new Triage(List.of(
                // Stage 2 (the resident is unhappy with a stage 1 response)
                EscalationRules.stageTwoRequest(),
                EscalationRules.responseRejected(),
                // Complaints: asked for in terms, or dissatisfaction with the service
                ComplaintRules.explicitRequest(),
                ComplaintRules.missedAppointment(),
                ComplaintRules.repeatedContact(),
                ComplaintRules.recurringFault(),
                InactionRules.delay(),
                InactionRules.brokenPromise(),
                InactionRules.noContact(),
                InactionRules.noAction(),
                InactionRules.rhetoricalWhy(),
                ConductRules.staffConduct(),
                ConductRules.poorWorkmanship(),
                DissatisfactionRules.serviceCriticism(),
                DissatisfactionRules.frustration(),
                DissatisfactionRules.poorCommunication(),
                DissatisfactionRules.disputedCharge(),
                DissatisfactionRules.requestIgnored(),
                DissatisfactionRules.remedySought(),
                // Service requests
                RequestRules.askForWork(),
                RequestRules.faultReported(),
                RequestRules.loggedReport(),
                RequestRules.firstReport(),
                RequestRules.neighbourReport(),
                RequestRules.additionalRequest(),
                // Compliments
                ComplimentRules.thanksOrPraise(),
                // Enquiries and things that are not complaints
                EnquiryRules.informationRequest(),
                EnquiryRules.question(),
                EnquiryRules.pleaForHelp(),
                EnquiryRules.commentOrSuggestion(),
                EnquiryRules.surveyRemark(),
                EnquiryRules.electedMemberEnquiry(),
                EnquiryRules.unclearOpener(),
                // Hazards (urgent whatever the class)
                HazardRules.gas(),
                HazardRules.carbonMonoxide(),
                HazardRules.fireOrSmoke(),
                HazardRules.electrical(),
                HazardRules.waterAndElectrics(),
                HazardRules.structural(),
                HazardRules.sewage(),
                HazardRules.dampHarmingHealth(),
                HazardRules.noHeatingForVulnerable(),
                HazardRules.insecureHome(),
                HazardRules.trapped(),
                // Vulnerability
                VulnerabilityRules.disability(),
                VulnerabilityRules.seriousIllness(),
                VulnerabilityRules.ageOrFrailty(),
                VulnerabilityRules.pregnancyOrBaby(),
                VulnerabilityRules.mentalHealth(),
                VulnerabilityRules.domesticAbuse(),
                VulnerabilityRules.language(),
                VulnerabilityRules.bereavement(),
                // Representatives
                RepresentativeRules.declared(),
                RepresentativeRules.memberOfParliament(),
                RepresentativeRules.councillor(),
                RepresentativeRules.solicitor(),
                RepresentativeRules.advocate(),
                RepresentativeRules.supportWorker(),
                RepresentativeRules.family(),
                RepresentativeRules.friend(),
                RepresentativeRules.otherThirdParty()));
    }

    /** The rules in the order they run. */
    public List<TriageRule> rules() {
        return rules;
    }

    public TriageDecision classify(TriageInput input) {
        TriageText text = TriageText.of(Objects.requireNonNull(input, "input"));
        List<DecisionCombiner.Fired> fired = new ArrayList<>();
        for (TriageRule rule : rules) {
            rule.evaluate(text).ifPresent(finding -> fired.add(new DecisionCombiner.Fired(rule.id(), finding)));
        }
        return DecisionCombiner.combine(fired);
    }
}
