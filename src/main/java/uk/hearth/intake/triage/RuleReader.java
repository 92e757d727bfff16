package uk.hearth.intake.triage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.hearth.complaint.CaseClass;
import uk.hearth.intake.triage.Finding.Signal;

/** Reads the {@code decision:} and {@code rules:} sections of {@code rules.yaml} into rules and thresholds. */
final class RuleReader {

    private static final Set<String> DECISION_KEYS = Set.of("complaint-threshold", "escalation-threshold",
            "decisive-weight", "lower-class-order", "elected-member-roles", "elected-member-enquiry-weight",
            "representative-roles", "hazard-kinds", "hazard-still-present");
    private static final Set<String> LIST_RULE_KEYS = Set.of("id", "kind", "enabled", "vote", "weight", "explain",
            "hazard", "representative", "flags", "weight-per-extra-match", "max-weight", "when");
    private static final Set<String> CLAUSE_KEYS = Set.of("phrases", "same-sentence", "not-same-sentence",
            "unless-same-sentence", "in-message",
            "not-in-message", "followed-by", "not-preceded-by", "max-words", "written-in-other-than", "vote", "weight",
            "explain", "flags");
    private static final Set<String> RESPONSE_RULE_KEYS = Set.of("id", "kind", "enabled", "existing", "response",
            "no-response", "review", "rejection", "not-in-message", "review-weight", "rejection-weight");
    private static final Set<String> DECLARED_RULE_KEYS = Set.of("id", "kind", "enabled");
    private static final Map<String, Signal> FLAGS = Map.of(
            "vulnerability", Signal.VULNERABILITY,
            "damp-mould", Signal.DAMP_MOULD,
            "survey-remark", Signal.SURVEY_REMARK,
            "clarify", Signal.NEEDS_CLARIFICATION,
            "not-a-complaint", Signal.IMPLICIT_COMPLAINT_EXCLUDED,
            "by-definition", Signal.BY_DEFINITION);

    private final Lexicon lexicon;
    private final Set<String> hazardKinds;
    /** Lists that lift a hazard rule's exclusions ({@code decision.hazard-still-present}). */
    private int[] hazardStillPresent = new int[0];

    private RuleReader(Lexicon lexicon, Set<String> hazardKinds) {
        this.lexicon = lexicon;
        this.hazardKinds = hazardKinds;
    }

    static Triage read(ConfigNode decision, ConfigNode rules, Lexicon lexicon, boolean rulesPresent) {
        if (!rulesPresent) {
            throw rules.error("missing: rules.yaml needs a 'rules:' list");
        }
        decision.entries(DECISION_KEYS);
        Set<String> hazardKinds = new HashSet<>(decision.get("hazard-kinds").strings());
        RuleReader reader = new RuleReader(lexicon, hazardKinds);
        reader.hazardStillPresent = reader.lists(decision.get("hazard-still-present"));
        RepresentativeRoles roles = reader.roles(decision.get("representative-roles"));
        List<TriageRule> built = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> declared = new HashSet<>();
        for (ConfigNode rule : rules.list()) {
            String id = rule.get("id").string();
            if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw rule.get("id").error("'" + id + "': a rule id is lower-case words joined by hyphens");
            }
            if (!ids.add(id)) {
                throw rule.get("id").error("'" + id + "' is used by two rules");
            }
            String kind = rule.get("kind").string("phrases");
            TriageRule r = switch (kind) {
                case "phrases" -> reader.listRule(id, rule);
                case "complaint-response" -> reader.responseRule(id, rule);
                case "declared-representative" -> {
                    rule.entries(DECLARED_RULE_KEYS);
                    declared.add(id);
                    yield new DeclaredRepresentativeRule(id, roles);
                }
                default -> throw rule.get("kind").error("unknown kind '" + kind
                        + "' (expected phrases, complaint-response or declared-representative)");
            };
            if (rule.get("enabled").bool(true)) {
                built.add(r);
            }
        }
        DecisionCombiner.Settings settings = new DecisionCombiner.Settings(
                positive(decision.get("complaint-threshold"), Finding.STRONG),
                positive(decision.get("escalation-threshold"), Finding.STRONG),
                positive(decision.get("decisive-weight"), Finding.DECISIVE),
                lowerOrder(decision.get("lower-class-order")),
                roleSet(decision.get("elected-member-roles")),
                positive(decision.get("elected-member-enquiry-weight"), Finding.WEAK),
                declared, roles);
        return new Triage(built, lexicon, settings);
    }

    private Set<String> languageCodes(ConfigNode node) {
        Set<String> codes = new HashSet<>();
        for (String code : node.strings()) {
            if (lexicon.language(code) == null) {
                throw node.error("unknown language '" + code + "'; the languages are those under 'languages:'");
            }
            codes.add(code);
        }
        return Set.copyOf(codes);
    }

    private ListRule listRule(String id, ConfigNode rule) {
        rule.entries(LIST_RULE_KEYS);
        CaseClass vote = vote(rule.get("vote"));
        int weight = rule.get("weight").integer(0);
        String explain = rule.get("explain").string(null);
        Set<Signal> flags = flags(rule.get("flags"));
        String hazard = rule.get("hazard").string(null);
        if (hazard != null && !hazardKinds.contains(hazard)) {
            throw rule.get("hazard").error("unknown hazard kind '" + hazard + "'; add it to decision.hazard-kinds first");
        }
        String role = rule.get("representative").string(null);
        if (role != null && !Finding.ROLES.contains(role)) {
            throw rule.get("representative").error("unknown role '" + role + "' (expected one of "
                    + String.join(", ", Finding.ROLES) + ")");
        }
        List<ListRule.Clause> clauses = new ArrayList<>();
        List<ConfigNode> when = rule.get("when").list();
        if (when.isEmpty()) {
            throw rule.error("rule '" + id + "' needs 'when:', one or more clauses saying which phrases it looks for");
        }
        for (ConfigNode c : when) {
            c.entries(CLAUSE_KEYS);
            CaseClass clauseVote = c.get("vote").isMissing() ? vote : vote(c.get("vote"));
            int clauseWeight = c.get("weight").integer(weight);
            String clauseExplain = c.get("explain").string(explain);
            if (clauseExplain == null) {
                throw c.error("needs 'explain:' (here or on the rule): what the rule saw, in an officer's words");
            }
            if (clauseVote != null && clauseWeight <= 0) {
                throw c.error("a rule that votes needs a positive 'weight:'");
            }
            Set<Signal> signals = EnumSet.noneOf(Signal.class);
            signals.addAll(flags);
            signals.addAll(flags(c.get("flags")));
            if (clauseVote == null && signals.isEmpty() && hazard == null && role == null) {
                throw c.error("the rule neither votes nor raises a flag, a hazard or a representative");
            }
            clauses.add(new ListRule.Clause(lists(c.get("phrases")), lists(c.get("same-sentence")),
                    lists(c.get("not-same-sentence")), unless(c, hazard != null), lists(c.get("in-message")),
                    lists(c.get("not-in-message")),
                    lists(c.get("followed-by")), lists(c.get("not-preceded-by")), c.get("max-words").integer(0),
                    languageCodes(c.get("written-in-other-than")), clauseVote, clauseWeight, clauseExplain, signals));
        }
        int perExtra = rule.get("weight-per-extra-match").integer(0);
        return new ListRule(id, clauses, new ListRule.Settings(hazard, role, perExtra,
                rule.get("max-weight").integer(perExtra > 0 ? weight + 4 * perExtra : weight)));
    }

    private ComplaintResponseRule responseRule(String id, ConfigNode rule) {
        rule.entries(RESPONSE_RULE_KEYS);
        return new ComplaintResponseRule(id, new ComplaintResponseRule.Lists(list(rule.get("existing")),
                list(rule.get("response")), list(rule.get("no-response")), list(rule.get("review")),
                list(rule.get("rejection")), lists(rule.get("not-in-message")),
                positive(rule.get("review-weight"), Finding.STRONG),
                positive(rule.get("rejection-weight"), Finding.STRONG)));
    }

    private RepresentativeRoles roles(ConfigNode node) {
        Map<String, Integer> lists = new LinkedHashMap<>();
        List<String> precedence = new ArrayList<>();
        for (ConfigNode entry : node.list()) {
            entry.entries(Set.of("role", "relationship"));
            String role = entry.get("role").string();
            if (!Finding.ROLES.contains(role)) {
                throw entry.get("role").error("unknown role '" + role + "'");
            }
            precedence.add(role);
            if (!entry.get("relationship").isMissing()) {
                lists.put(role, list(entry.get("relationship")));
            }
        }
        if (!precedence.containsAll(Finding.ROLES)) {
            Set<String> missing = new HashSet<>(Finding.ROLES);
            missing.removeAll(precedence);
            throw node.error("every role must be ranked; missing " + String.join(", ", missing));
        }
        return new RepresentativeRoles(lists, lexicon, precedence);
    }

    /** The clause's own {@code unless-same-sentence}; in a hazard rule, by default {@code hazard-still-present}. */
    private int[] unless(ConfigNode clause, boolean hazardRule) {
        ConfigNode own = clause.get("unless-same-sentence");
        return own.isMissing() && hazardRule ? hazardStillPresent : lists(own);
    }

    private int[] lists(ConfigNode node) {
        List<String> names = node.strings();
        int[] ids = new int[names.size()];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = id(node, names.get(k));
        }
        return ids;
    }

    private int list(ConfigNode node) {
        return id(node, node.string());
    }

    private int id(ConfigNode node, String name) {
        int id = lexicon.id(name);
        if (id < 0) {
            throw node.error("no language defines a phrase list called '" + name + "'");
        }
        return id;
    }

    private static CaseClass vote(ConfigNode node) {
        if (node.isMissing()) {
            return null;
        }
        try {
            return CaseClass.fromWireName(node.string());
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static Set<Signal> flags(ConfigNode node) {
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        for (String flag : node.strings()) {
            Signal signal = FLAGS.get(flag);
            if (signal == null) {
                throw node.error("unknown flag '" + flag + "' (expected one of " + String.join(", ", FLAGS.keySet()) + ")");
            }
            signals.add(signal);
        }
        return signals;
    }

    private static int positive(ConfigNode node, int fallback) {
        int value = node.integer(fallback);
        if (value <= 0) {
            throw node.error("must be a positive whole number");
        }
        return value;
    }

    private static List<CaseClass> lowerOrder(ConfigNode node) {
        if (node.isMissing()) {
            return DecisionCombiner.Settings.DEFAULT.lowerOrder();
        }
        List<CaseClass> order = new ArrayList<>();
        for (ConfigNode c : node.list()) {
            order.add(vote(c));
        }
        if (order.size() != 3 || !order.containsAll(DecisionCombiner.Settings.DEFAULT.lowerOrder())) {
            throw node.error("must list service_request, compliment and enquiry, each once");
        }
        return order;
    }

    private static Set<String> roleSet(ConfigNode node) {
        if (node.isMissing()) {
            return DecisionCombiner.Settings.DEFAULT.electedMemberRoles();
        }
        Set<String> roles = new HashSet<>(node.strings());
        for (String role : roles) {
            if (!Finding.ROLES.contains(role)) {
                throw node.error("unknown role '" + role + "'");
            }
        }
        return roles;
    }
}
