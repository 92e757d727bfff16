package uk.hearth.intake.triage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second opinion on one flag (a possible hazard, a representative, a vulnerable resident), for the ways of
 * saying it that no phrase list has caught yet: a logistic regression over the words and word pairs of labelled
 * messages, learnt when triage is loaded. It only ever adds its flag, and says which words made it think so.
 *
 * <p>Each word or pair carries a weight learnt from the examples; a message's log-odds is the sum of the weights
 * of what it contains, plus a bias. Unlike counting each word's odds separately (naive Bayes), the weights are
 * learnt together, so "water" and "water through" are not both counted in full for the same evidence, and a word
 * that only ever comes with a stronger one learns little. The weights are kept small (L2 regularisation), which
 * keeps the model from learning any one example by heart. Learning is deterministic: the same examples in the
 * same order give the same model.
 *
 * <p>Words seen in fewer than {@code minCount} examples are ignored, so one odd message teaches nothing.
 */
public final class FlagModel {

    /** One labelled example: the text, and whether the flag holds for it. */
    public record Example(String text, boolean flagged) {
    }

    /** Why the model flagged a message: its log-odds and the words that weighed most for the flag. */
    public record Evidence(double logOdds, List<String> words) {
    }

    /** How strongly the weights are pulled towards zero; measured on batches the model had not learnt from. */
    static final double REGULARISATION = 0.03;
    /** Passes over the examples while learning. */
    static final int PASSES = 10;
    private static final double LEARNING_RATE = 0.5;
    private static final long SEED = 42;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /**
     * How the examples are read and learnt from, in words. Models learnt ahead of time ({@link TrainedModels}) are
     * used only when this is unchanged, so any change to {@link #features} or to the learning must change it.
     */
    static final String LEARNING = "flag model 1: lower-case words and neighbouring pairs, apostrophes dropped;"
            + " logistic regression, L2 " + REGULARISATION + ", " + PASSES + " passes, AdaGrad " + LEARNING_RATE
            + ", order shuffled with seed " + SEED;
    private static final int WORDS_QUOTED = 4;

    private final FeatureWeights weights;
    private final double bias;
    private final double threshold;
    private final int examples;

    private FlagModel(FeatureWeights weights, double bias, double threshold, int examples) {
        this.weights = weights;
        this.bias = bias;
        this.threshold = threshold;
        this.examples = examples;
    }

    /** A model learnt earlier ({@link TrainedModels}), at threshold 0 until given its own. */
    static FlagModel of(FeatureWeights weights, double bias, int examples) {
        return new FlagModel(weights, bias, 0, examples);
    }

    /** The same weights with another threshold. */
    FlagModel withThreshold(double threshold) {
        return new FlagModel(weights, bias, threshold, examples);
    }

    /** Each word's or pair's weight (only those not zero). */
    FeatureWeights weights() {
        return weights;
    }

    double bias() {
        return bias;
    }

    /** How many examples it learnt from. */
    int examples() {
        return examples;
    }

    /**
     * @param threshold log-odds a message needs to be flagged (0 is even odds; lower flags more and catches more,
     *                  with more false alarms)
     * @param minCount  a word or pair must appear in at least this many examples to count
     * @throws IllegalArgumentException without at least one example with the flag and one without
     */
    public static FlagModel train(List<Example> examples, double threshold, int minCount) {
        return train(examples.stream().map(e -> features(e.text())).toList(),
                examples.stream().map(Example::flagged).toList(), threshold, minCount);
    }

    /** As {@link #train(List, double, int)}, for examples whose {@link #features} are already worked out. */
    static FlagModel train(List<Set<String>> featureSets, List<Boolean> flags, double threshold, int minCount) {
        return train(Encoded.of(featureSets, minCount), flags, threshold);
    }

    /** Learns from every encoded example; {@code flags} says whether each has the flag, in the same order. */
    static FlagModel train(Encoded encoded, List<Boolean> flags, double threshold) {
        List<Integer> all = new ArrayList<>(flags.size());
        for (int i = 0; i < flags.size(); i++) {
            all.add(i);
        }
        return train(encoded, all, flags, threshold);
    }

    /**
     * Learns from some of the encoded examples: {@code which} are their positions, {@code flags} whether each of
     * those has the flag, in the same order.
     */
    static FlagModel train(Encoded encoded, List<Integer> which, List<Boolean> flags, double threshold) {
        int flagged = (int) flags.stream().filter(f -> f).count();
        if (flagged == 0 || flagged == flags.size()) {
            throw new IllegalArgumentException("the model needs examples with and without the flag; it has "
                    + flagged + " with and " + (flags.size() - flagged) + " without");
        }
        int[][] rows = new int[which.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = encoded.rows[which.get(i)];
        }
        double[] w = new double[encoded.names.size()];
        double bias = learn(flags, rows, w);
        List<String> learnt = new ArrayList<>();
        double[] values = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0) {
                values[learnt.size()] = w[j];
                learnt.add(encoded.names.get(j));
            }
        }
        return new FlagModel(FeatureWeights.of(learnt, Arrays.copyOf(values, learnt.size()), 1), bias, threshold,
                flags.size());
    }

    /**
     * The examples' words and pairs as numbers - those seen in at least {@code minCount} examples - worked out
     * once for every model that learns from the same examples.
     */
    static final class Encoded {
        private final List<String> names;
        private final int[][] rows;

        private Encoded(List<String> names, int[][] rows) {
            this.names = names;
            this.rows = rows;
        }

        static Encoded of(List<Set<String>> featureSets, int minCount) {
            Map<String, Integer> seenIn = new HashMap<>();
            for (Set<String> features : featureSets) {
                for (String feature : features) {
                    seenIn.merge(feature, 1, Integer::sum);
                }
            }
            Map<String, Integer> index = new HashMap<>();
            List<String> names = new ArrayList<>();
            int[][] rows = new int[featureSets.size()][];
            int[] row = new int[64];
            for (int i = 0; i < rows.length; i++) {
                int n = 0;
                for (String feature : featureSets.get(i)) {
                    if (seenIn.get(feature) < minCount) {
                        continue;
                    }
                    Integer j = index.get(feature);
                    if (j == null) {
                        j = names.size();
                        index.put(feature, j);
                        names.add(feature);
                    }
                    if (n == row.length) {
                        row = Arrays.copyOf(row, n * 2);
                    }
                    row[n++] = j;
                }
                rows[i] = Arrays.copyOf(row, n);
            }
            return new Encoded(names, rows);
        }
    }

    /** Stochastic gradient descent on the logistic loss with AdaGrad steps; returns the bias, fills the weights. */
    private static double learn(List<Boolean> flags, int[][] rows, double[] w) {
        double[] squaredGradients = new double[w.length];
        Arrays.fill(squaredGradients, 1e-8);
        double bias = 0;
        double biasSquaredGradients = 1e-8;
        List<Integer> order = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            order.add(i);
        }
        Random random = new Random(SEED);
        for (int pass = 0; pass < PASSES; pass++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                double z = bias;
                for (int j : rows[i]) {
                    z += w[j];
                }
                double error = 1 / (1 + Math.exp(-z)) - (flags.get(i) ? 1 : 0);
                for (int j : rows[i]) {
                    double gradient = error + REGULARISATION * w[j];
                    squaredGradients[j] += gradient * gradient;
                    w[j] -= LEARNING_RATE * gradient / Math.sqrt(squaredGradients[j]);
                }
                biasSquaredGradients += error * error;
                bias -= LEARNING_RATE * error / Math.sqrt(biasSquaredGradients);
            }
        }
        return bias;
    }

    /** The evidence, when the message reaches the threshold. */
    public Optional<Evidence> judge(String text) {
        return judge(FeatureWeights.Keys.of(features(text)));
    }

    /** As {@link #judge(String)}, for a message whose {@link #features} are already worked out. */
    Optional<Evidence> judge(FeatureWeights.Keys features) {
        Evidence evidence = weigh(features);
        return evidence.logOdds() < threshold ? Optional.empty() : Optional.of(evidence);
    }

    /** The log-odds for a message, flagged or not: for tuning the threshold. */
    public double logOdds(String text) {
        return weigh(FeatureWeights.Keys.of(features(text))).logOdds();
    }

    /** As {@link #logOdds(String)}, for a message whose features are already worked out. */
    double logOdds(FeatureWeights.Keys features) {
        return weigh(features).logOdds();
    }

    private Evidence weigh(FeatureWeights.Keys features) {
        double total = bias;
        List<Map.Entry<String, Double>> present = new ArrayList<>();
        for (int i = 0; i < features.hashes().length; i++) {
            int at = weights.indexOf(features.hashes()[i]);
            if (at >= 0) {
                double w = weights.value(at, 0);
                total += w;
                if (w > 0) {
                    present.add(Map.entry(features.features().get(i), w));
                }
            }
        }
        List<String> strongest = present.stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(WORDS_QUOTED).map(e -> e.getKey().replace('_', ' ')).toList();
        return new Evidence(total, strongest);
    }

    /** Lower-case words (apostrophes dropped: "can't" is "cant") and each pair of neighbouring words. */
    static Set<String> features(String text) {
        String folded = text.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(folded);
        while (m.find()) {
            words.add(m.group());
        }
        Set<String> features = new LinkedHashSet<>(words);
        for (int k = 0; k + 1 < words.size(); k++) {
            features.add(words.get(k) + "_" + words.get(k + 1));
        }
        return features;
    }

    @Override
    public String toString() {
        return "FlagModel[" + examples + " examples, " + weights.size() + " features, threshold " + threshold + "]";
    }
}
