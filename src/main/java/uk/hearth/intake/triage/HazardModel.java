package uk.hearth.intake.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second opinion on hazards, for the ways of describing one that no phrase list has caught yet: a naive Bayes
 * model over the words and word pairs of labelled messages, learnt when triage is loaded. It only ever adds the
 * hazard flag (never a class, never takes one away), and says which words made it think so.
 *
 * <p>Each word or pair present in a message adds its log-likelihood ratio (how much more often it appears in
 * hazard reports than in other messages, smoothed); a message whose total, with the prior, reaches the threshold
 * is flagged. Words seen in fewer than {@code minCount} examples are ignored, so one odd message teaches nothing.
 */
public final class HazardModel {

    /** One labelled example: the text, and whether it reports a possible hazard. */
    public record Example(String text, boolean hazard) {
    }

    /** Why the model flagged a message: its log-odds and the words that weighed most. */
    public record Evidence(double logOdds, List<String> words) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int WORDS_QUOTED = 4;

    private final Map<String, Double> weights;
    private final double prior;
    private final double threshold;
    private final int examples;

    private HazardModel(Map<String, Double> weights, double prior, double threshold, int examples) {
        this.weights = weights;
        this.prior = prior;
        this.threshold = threshold;
        this.examples = examples;
    }

    /**
     * @param threshold log-odds a message needs to be flagged (higher: fewer flags, fewer false alarms)
     * @param minCount  a word or pair must appear in at least this many examples to count
     * @throws IllegalArgumentException without at least one example of each kind
     */
    public static HazardModel train(List<Example> examples, double threshold, int minCount) {
        Map<String, int[]> counts = new HashMap<>();
        int hazards = 0;
        for (Example e : examples) {
            int side = e.hazard() ? 0 : 1;
            hazards += e.hazard() ? 1 : 0;
            for (String feature : features(e.text())) {
                counts.computeIfAbsent(feature, f -> new int[2])[side]++;
            }
        }
        int others = examples.size() - hazards;
        if (hazards == 0 || others == 0) {
            throw new IllegalArgumentException("the hazard model needs examples with and without a hazard; it has "
                    + hazards + " with and " + others + " without");
        }
        Map<String, Double> weights = new HashMap<>();
        for (Map.Entry<String, int[]> c : counts.entrySet()) {
            int with = c.getValue()[0];
            int without = c.getValue()[1];
            if (with + without >= minCount) {
                weights.put(c.getKey(), Math.log((with + 0.5) / (hazards + 1.0))
                        - Math.log((without + 0.5) / (others + 1.0)));
            }
        }
        double prior = Math.log(hazards / (double) examples.size()) - Math.log(others / (double) examples.size());
        return new HazardModel(Map.copyOf(weights), prior, threshold, examples.size());
    }

    /** The evidence, when the message reaches the threshold. */
    public Optional<Evidence> judge(String text) {
        return judge(features(text));
    }

    /** As {@link #judge(String)}, for a message whose {@link #features} are already worked out. */
    Optional<Evidence> judge(Set<String> features) {
        Evidence evidence = weigh(features);
        return evidence.logOdds() < threshold ? Optional.empty() : Optional.of(evidence);
    }

    /** The log-odds for a message, flagged or not: for tuning the threshold. */
    public double logOdds(String text) {
        return weigh(features(text)).logOdds();
    }

    private Evidence weigh(Set<String> features) {
        double total = prior;
        List<Map.Entry<String, Double>> present = new ArrayList<>();
        for (String feature : features) {
            Double w = weights.get(feature);
            if (w != null) {
                total += w;
                present.add(Map.entry(feature, w));
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
        return "HazardModel[" + examples + " examples, " + weights.size() + " features, threshold " + threshold + "]";
    }
}
