package uk.hearth.intake.triage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.hearth.complaint.CaseClass;

/**
 * A second opinion on the class, for the ways of saying something that no phrase list has caught yet: a naive Bayes
 * model over the words and word pairs of labelled messages (the same features as {@link FlagModel}), learnt when
 * triage is loaded. It overrules the rules only when it is sure - its best class beats its second by at least the
 * configured margin, in log-likelihood - and it says which words made it think so.
 *
 * <p>Each word or pair present in a message counts once; words seen in fewer than {@code minCount} examples are
 * ignored, so one odd message teaches nothing.
 */
public final class ClassModel {

    /** One labelled example. */
    public record Example(String text, CaseClass caseClass) {
    }

    /** The model's class, how far ahead of its runner-up it is, and the words that weighed most for it. */
    public record Opinion(CaseClass caseClass, double margin, List<String> words) {
    }

    private static final int WORDS_QUOTED = 4;
    private static final double SMOOTHING = 0.5;
    /** How the class model learns, in words (see {@link FlagModel#LEARNING}: a change here must change it). */
    static final String LEARNING = "class model 1: naive Bayes over the flag model's words and pairs, smoothing "
            + SMOOTHING;

    /** For each word or pair, its smoothed log-likelihood in each class (indexed by {@link CaseClass#ordinal()}). */
    private final FeatureWeights logLikelihoods;
    private final double[] logPriors;
    private final int examples;
    private final double margin;
    private final CaseClass[] classes = CaseClass.values();

    private ClassModel(FeatureWeights logLikelihoods, double[] logPriors, int examples, double margin) {
        this.logLikelihoods = logLikelihoods;
        this.logPriors = logPriors;
        this.examples = examples;
        this.margin = margin;
    }

    /** A model learnt earlier ({@link TrainedModels}), with no margin until given its own. */
    static ClassModel of(FeatureWeights logLikelihoods, double[] logPriors, int examples) {
        if (logLikelihoods.width() != logPriors.length) {
            throw new IllegalArgumentException(logPriors.length + " classes, but " + logLikelihoods.width()
                    + " log-likelihoods a feature");
        }
        return new ClassModel(logLikelihoods, logPriors.clone(), examples, 0);
    }

    /** The same model with another margin. */
    ClassModel withMargin(double margin) {
        return new ClassModel(logLikelihoods, logPriors, examples, margin);
    }

    /** Each word's or pair's log-likelihood in each class, by {@link CaseClass#ordinal()}. */
    FeatureWeights logLikelihoods() {
        return logLikelihoods;
    }

    double[] logPriors() {
        return logPriors.clone();
    }

    int examples() {
        return examples;
    }

    /**
     * @param margin   how far, in log-likelihood, its best class must be ahead of its second to overrule the rules
     * @param minCount a word or pair must appear in at least this many examples to count
     * @throws IllegalArgumentException unless every class has at least one example
     */
    public static ClassModel train(List<Example> examples, double margin, int minCount) {
        return train(examples.stream().map(e -> FlagModel.features(e.text())).toList(),
                examples.stream().map(Example::caseClass).toList(), margin, minCount);
    }

    /** As {@link #train(List, double, int)}, for examples whose features are already worked out. */
    static ClassModel train(List<Set<String>> featureSets, List<CaseClass> classes, double margin, int minCount) {
        int k = CaseClass.values().length;
        Map<String, int[]> all = new HashMap<>();
        int[] examplesOf = new int[k];
        for (int i = 0; i < classes.size(); i++) {
            CaseClass c = classes.get(i);
            examplesOf[c.ordinal()]++;
            for (String feature : featureSets.get(i)) {
                all.computeIfAbsent(feature, f -> new int[k])[c.ordinal()]++;
            }
        }
        List<String> missing = new ArrayList<>();
        for (CaseClass c : CaseClass.values()) {
            if (examplesOf[c.ordinal()] == 0) {
                missing.add(c.wireName());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the class model needs examples of every class; none of "
                    + String.join(", ", missing));
        }
        Map<String, int[]> counts = new HashMap<>();
        int[] featuresOf = new int[k];
        for (Map.Entry<String, int[]> c : all.entrySet()) {
            int total = 0;
            for (int n : c.getValue()) {
                total += n;
            }
            if (total >= minCount) {
                counts.put(c.getKey(), c.getValue());
                for (int i = 0; i < k; i++) {
                    featuresOf[i] += c.getValue()[i];
                }
            }
        }
        List<String> features = new ArrayList<>(counts.keySet());
        double[] logs = new double[features.size() * k];
        for (int f = 0; f < features.size(); f++) {
            int[] count = counts.get(features.get(f));
            for (int i = 0; i < k; i++) {
                logs[f * k + i] = Math.log((count[i] + SMOOTHING) / (featuresOf[i] + SMOOTHING * counts.size()));
            }
        }
        double[] logPriors = new double[k];
        for (int i = 0; i < k; i++) {
            logPriors[i] = Math.log((examplesOf[i] + 1.0) / (classes.size() + k));
        }
        return new ClassModel(FeatureWeights.of(features, logs, k), logPriors, classes.size(), margin);
    }

    /** The model's opinion when it is sure and disagrees with {@code rules}; empty when it agrees or is unsure. */
    public Optional<Opinion> overrule(String text, CaseClass rules) {
        return overrule(FeatureWeights.Keys.of(FlagModel.features(text)), rules);
    }

    /** As {@link #overrule(String, CaseClass)}, for a message whose features are already worked out. */
    Optional<Opinion> overrule(FeatureWeights.Keys features, CaseClass rules) {
        Opinion opinion = opinion(features, rules);
        return opinion.caseClass() == rules || opinion.margin() < margin ? Optional.empty() : Optional.of(opinion);
    }

    /**
     * What the model makes of a message on its own: its best class, its lead over the second, and the words that
     * most favour it over {@code against} (or over the second, when {@code against} is its best).
     */
    public Opinion opinion(String text, CaseClass against) {
        return opinion(FeatureWeights.Keys.of(FlagModel.features(text)), against);
    }

    private Opinion opinion(FeatureWeights.Keys features, CaseClass against) {
        List<Map.Entry<String, Integer>> present = new ArrayList<>();
        for (int i = 0; i < features.hashes().length; i++) {
            int at = logLikelihoods.indexOf(features.hashes()[i]);
            if (at >= 0) {
                present.add(Map.entry(features.features().get(i), at));
            }
        }
        Map<CaseClass, Double> score = new EnumMap<>(CaseClass.class);
        for (CaseClass c : classes) {
            double s = logPriors[c.ordinal()];
            for (Map.Entry<String, Integer> feature : present) {
                s += logLikelihoods.value(feature.getValue(), c.ordinal());
            }
            score.put(c, s);
        }
        List<CaseClass> ranked = score.entrySet().stream()
                .sorted(Map.Entry.<CaseClass, Double>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        CaseClass best = ranked.get(0);
        CaseClass other = against == null || against == best ? ranked.get(1) : against;
        List<String> words = present.stream()
                .map(f -> Map.entry(f.getKey(), logLikelihoods.value(f.getValue(), best.ordinal())
                        - logLikelihoods.value(f.getValue(), other.ordinal())))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(WORDS_QUOTED).map(e -> e.getKey().replace('_', ' ')).toList();
        return new Opinion(best, score.get(best) - score.get(ranked.get(1)), words);
    }

    @Override
    public String toString() {
        return "ClassModel[" + examples + " examples, " + logLikelihoods.size() + " features, margin " + margin + "]";
    }
}
