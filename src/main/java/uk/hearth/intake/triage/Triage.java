package uk.hearth.intake.triage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import uk.hearth.complaint.CaseClass;

/**
 * The first honest triage step: a list of small named rules, read like a policy, each of which may find
 * evidence in a message; {@link DecisionCombiner} weighs the evidence into a provisional class and flags.
 * Every rule that fired is recorded in the decision's reasons, so an officer can see why.
 *
 * <p>The rules, their weights and the phrases they look for live in {@code config/triage/} (see
 * {@link TriageConfigLoader}), so a landlord can tune triage without a release.
 *
 * <p>Precedence: escalation, then an explicit complaint request, then dissatisfaction with the service,
 * then the strongest of service request, compliment and enquiry.
 */
public final class Triage {

    /** Where the shipped configuration lives, relative to the working directory (the repository root). */
    public static final Path SHIPPED_CONFIG = Path.of("config", "triage");
    /** The reason recorded when the hazard model, not a rule, raised the hazard flag. */
    public static final String HAZARD_MODEL_RULE = "hazard-model";
    /** The reason recorded when the class model, not the rules, chose the class. */
    public static final String CLASS_MODEL_RULE = "class-model";
    /** The reason recorded when the representative model, not a rule, found someone writing for the tenant. */
    public static final String REPRESENTATIVE_MODEL_RULE = "representative-model";
    /** The reason recorded when the vulnerability model, not a rule, found a sign of vulnerability. */
    public static final String VULNERABILITY_MODEL_RULE = "vulnerability-model";

    /**
     * The second opinion on who is writing: whether it is someone on the tenant's behalf, and if so, as which role
     * (one model per role, learnt from the representatives among the examples; the most likely role is taken).
     */
    record RepresentativeModel(FlagModel flag, Map<String, FlagModel> roles) {
        RepresentativeModel {
            // In name order, so that a tie always goes the same way.
            roles = Collections.unmodifiableSortedMap(new TreeMap<>(roles));
        }

        /** The role it reads most like; "other" when the examples held representatives of one role or none. */
        String roleFor(FeatureWeights.Keys features) {
            String best = "other";
            double bestOdds = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, FlagModel> role : roles.entrySet()) {
                double odds = role.getValue().logOdds(features);
                if (odds > bestOdds) {
                    best = role.getKey();
                    bestOdds = odds;
                }
            }
            return best;
        }
    }

    private final List<TriageRule> rules;
    private final Lexicon lexicon;
    private final DecisionCombiner combiner;
    private final FlagModel hazardModel;
    private final RepresentativeModel representativeModel;
    private final FlagModel vulnerabilityModel;
    private final ClassModel classModel;

    /** Rules written in Java, with no phrase lists and the default thresholds. */
    public Triage(List<TriageRule> rules) {
        this(rules, Lexicon.EMPTY, DecisionCombiner.Settings.DEFAULT);
    }

    Triage(List<TriageRule> rules, Lexicon lexicon, DecisionCombiner.Settings settings) {
        this(rules, lexicon, new DecisionCombiner(settings), null, null, null, null);
    }

    private Triage(List<TriageRule> rules, Lexicon lexicon, DecisionCombiner combiner, FlagModel hazardModel,
                   RepresentativeModel representativeModel, FlagModel vulnerabilityModel, ClassModel classModel) {
        this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        this.lexicon = lexicon;
        this.combiner = combiner;
        this.hazardModel = hazardModel;
        this.representativeModel = representativeModel;
        this.vulnerabilityModel = vulnerabilityModel;
        this.classModel = classModel;
    }

    /** The same rules with a second opinion on hazards (null: none). */
    Triage withHazardModel(FlagModel model) {
        return new Triage(rules, lexicon, combiner, model, representativeModel, vulnerabilityModel, classModel);
    }

    /** The same rules with a second opinion on whether someone writes for the tenant (null: none). */
    Triage withRepresentativeModel(RepresentativeModel model) {
        return new Triage(rules, lexicon, combiner, hazardModel, model, vulnerabilityModel, classModel);
    }

    /** The same rules with a second opinion on vulnerability (null: none). */
    Triage withVulnerabilityModel(FlagModel model) {
        return new Triage(rules, lexicon, combiner, hazardModel, representativeModel, model, classModel);
    }

    /** The same rules with a second opinion on the class (null: none). */
    Triage withClassModel(ClassModel model) {
        return new Triage(rules, lexicon, combiner, hazardModel, representativeModel, vulnerabilityModel, model);
    }

    /** The class model, if one is configured. */
    public Optional<ClassModel> classModel() {
        return Optional.ofNullable(classModel);
    }

    /** The hazard model, if one is configured. */
    public Optional<FlagModel> hazardModel() {
        return Optional.ofNullable(hazardModel);
    }

    /** The representative model (whether someone writes for the tenant), if one is configured. */
    public Optional<FlagModel> representativeModel() {
        return Optional.ofNullable(representativeModel).map(RepresentativeModel::flag);
    }

    /** The vulnerability model, if one is configured. */
    public Optional<FlagModel> vulnerabilityModel() {
        return Optional.ofNullable(vulnerabilityModel);
    }

    /**
     * The shipped policy, read from {@code config/triage} under the working directory.
     *
     * @throws TriageConfigException if the directory is missing or a file in it is broken
     */
    public static Triage standard() {
        Path dir = Path.of(System.getProperty("user.dir")).resolve(SHIPPED_CONFIG);
        if (!Files.isDirectory(dir)) {
            throw new TriageConfigException("triage configuration not found: " + dir
                    + " (run from the directory that holds config/, or give the configuration directory explicitly)");
        }
        return fromDirectory(SHIPPED_CONFIG);
    }

    /**
     * Triage as configured in {@code dir}: {@code rules.yaml} and one folder of phrase lists per language.
     *
     * @throws TriageConfigException naming the file and the entry, if anything cannot be used
     */
    public static Triage fromDirectory(Path dir) {
        return TriageConfigLoader.load(dir);
    }

    /** The rules in the order they run. */
    public List<TriageRule> rules() {
        return rules;
    }

    public TriageDecision classify(TriageInput input) {
        TriageText text = TriageText.of(Objects.requireNonNull(input, "input"), lexicon);
        List<DecisionCombiner.Fired> fired = new ArrayList<>();
        for (TriageRule rule : rules) {
            rule.evaluate(text).ifPresent(finding -> fired.add(new DecisionCombiner.Fired(rule.id(), finding)));
        }
        TriageDecision decision = combiner.combine(fired);
        if (classModel == null && hazardModel == null && representativeModel == null && vulnerabilityModel == null) {
            return decision;
        }
        // The models read the same words and word pairs: worked out, and hashed, once.
        FeatureWeights.Keys features = FeatureWeights.Keys.of(FlagModel.features(words(input)));
        if (classModel != null && !settledByTheRules(fired, decision)) {
            decision = classOpinion(decision, features);
        }
        if (!decision.hazard() && hazardModel != null) {
            decision = hazardOpinion(decision, features);
        }
        if (!decision.representative() && representativeModel != null && !input.declaredRepresentative()
                && !input.askedWhoIsWriting()) {
            decision = representativeOpinion(decision, features);
        }
        if (!decision.vulnerability() && vulnerabilityModel != null) {
            decision = vulnerabilityOpinion(decision, features);
        }
        return decision;
    }

    /**
     * The rules' class stands, whatever the model thinks, when it was asked for in terms (a vote of the decisive
     * weight: "I want to make a complaint", "stage 2"), when the Code defines it (a neighbour report, a petition: a
     * {@code by-definition} rule voted for it), or for a survey remark or an elected member's enquiry.
     */
    private boolean settledByTheRules(List<DecisionCombiner.Fired> fired, TriageDecision decision) {
        return decision.surveyRemark()
                || decision.reasons().stream().anyMatch(r -> r.rule().equals("elected-member-enquiry"))
                || fired.stream().map(DecisionCombiner.Fired::finding).anyMatch(f -> f.vote() != null
                        && (f.weight() >= combiner.decisiveWeight()
                        || f.has(Finding.Signal.BY_DEFINITION) && f.vote() == decision.caseClass()));
    }

    /** The model overrules the rules' class only when it is sure, and says which words made it think so. */
    private TriageDecision classOpinion(TriageDecision decision, FeatureWeights.Keys features) {
        CaseClass rules = decision.caseClass();
        return classModel.overrule(features, rules).map(opinion -> decision.withClass(opinion.caseClass(),
                new Reason(CLASS_MODEL_RULE, "classed as " + article(opinion.caseClass()) + " instead: it reads like"
                        + " the " + plural(opinion.caseClass()) + " it has learnt from" + quoted(opinion.words())
                        + ", more than like " + article(rules) + ", which the rules alone made it"))).orElse(decision);
    }

    private static String words(TriageInput input) {
        return input.subject() == null ? input.text() : input.subject() + "\n" + input.text();
    }

    private static String article(CaseClass c) {
        return switch (c) {
            case ENQUIRY, ESCALATION -> "an " + c.wireName();
            default -> "a " + c.wireName().replace('_', ' ');
        };
    }

    private static String plural(CaseClass c) {
        return switch (c) {
            case ENQUIRY -> "enquiries";
            default -> c.wireName().replace('_', ' ') + "s";
        };
    }

    /** Rules found no hazard: the model may still see one, and says which words made it think so. */
    private TriageDecision hazardOpinion(TriageDecision decision, FeatureWeights.Keys features) {
        return hazardModel.judge(features).map(evidence -> decision.withHazard(new Reason(HAZARD_MODEL_RULE,
                "reads like the reports of a possible hazard it has learnt from" + quoted(evidence.words())
                        + "; no hazard rule fired, so check whether it needs making safe"))).orElse(decision);
    }

    /** Rules found nobody writing for the tenant: the model may still read it so, and says which words. */
    private TriageDecision representativeOpinion(TriageDecision decision, FeatureWeights.Keys features) {
        return representativeModel.flag().judge(features).map(evidence -> {
            String role = representativeModel.roleFor(features);
            return decision.withRepresentative(role, new Reason(REPRESENTATIVE_MODEL_RULE,
                    "reads like the messages it has learnt from that were written on someone else's behalf"
                            + quoted(evidence.words()) + ", most like a " + role.replace('_', ' ') + "'s; no rule"
                            + " named who is writing, so check who it is and that the tenant has agreed"));
        }).orElse(decision);
    }

    /** Rules found no sign of vulnerability: the model may still see one, and says which words. */
    private TriageDecision vulnerabilityOpinion(TriageDecision decision, FeatureWeights.Keys features) {
        return vulnerabilityModel.judge(features).map(evidence -> decision.withVulnerability(new Reason(
                VULNERABILITY_MODEL_RULE, "reads like the messages it has learnt from where someone in the home is"
                        + " vulnerable" + quoted(evidence.words()) + "; no rule named it, so check what adjustments"
                        + " they may need"))).orElse(decision);
    }

    /** The words a model weighed most, quoted for staff (" ('water', 'ceiling light')"), or nothing. */
    private static String quoted(List<String> words) {
        return words.isEmpty() ? "" : " (" + String.join(", ", words.stream().map(w -> "'" + w + "'").toList()) + ")";
    }
}
