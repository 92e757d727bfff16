package uk.hearth.intake.triage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What a model learnt for each word or pair: a fixed number of values (one weight for a flag model, one
 * log-likelihood per class for the class model), found by the feature's 64-bit hash in a sorted array. A model
 * never needs its words back - the words it quotes are the message's own - so it keeps numbers only: about 16 bytes
 * a feature where a map of strings to boxed numbers took 60.
 *
 * <p>Two different features with the same hash would be told apart by nothing; {@link #of} refuses to build such a
 * table (with 64 bits and some hundred thousand features, the odds are below one in a hundred million).
 */
final class FeatureWeights {

    private final long[] keys;
    private final double[] values;
    private final int width;

    private FeatureWeights(long[] keys, double[] values, int width) {
        this.keys = keys;
        this.values = values;
        this.width = width;
    }

    /**
     * @param features the words and pairs, each once
     * @param values   {@code width} values for each feature, in the order of {@code features}
     * @throws IllegalStateException if two of the features have the same hash
     */
    static FeatureWeights of(List<String> features, double[] values, int width) {
        int n = features.size();
        if (values.length != n * width) {
            throw new IllegalArgumentException(n + " features need " + n * width + " values, not " + values.length);
        }
        long[] hashes = new long[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = hash(features.get(i));
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(hashes[a], hashes[b]));
        long[] keys = new long[n];
        double[] sorted = new double[n * width];
        for (int i = 0; i < n; i++) {
            int from = order[i];
            keys[i] = hashes[from];
            if (i > 0 && keys[i] == keys[i - 1]) {
                throw new IllegalStateException("the features '" + features.get(from) + "' and '"
                        + features.get(order[i - 1]) + "' have the same hash; the model cannot tell them apart");
            }
            System.arraycopy(values, from * width, sorted, i * width, width);
        }
        return new FeatureWeights(keys, sorted, width);
    }

    /**
     * A message's words and pairs with their hashes, worked out once for every model that reads the message (there
     * are a dozen).
     */
    record Keys(List<String> features, long[] hashes) {
        static Keys of(Collection<String> features) {
            List<String> in = List.copyOf(features);
            long[] hashes = new long[in.size()];
            for (int i = 0; i < hashes.length; i++) {
                hashes[i] = hash(in.get(i));
            }
            return new Keys(in, hashes);
        }
    }

    /** The feature's position, or -1 when the model has nothing for it. */
    int indexOf(String feature) {
        return indexOf(hash(feature));
    }

    /** The position of the feature with this {@link #hash}, or -1 when the model has nothing for it. */
    int indexOf(long hash) {
        int at = Arrays.binarySearch(keys, hash);
        return at >= 0 ? at : -1;
    }

    /** The {@code column}th value of the feature at {@code index}. */
    double value(int index, int column) {
        return values[index * width + column];
    }

    /** How many features. */
    int size() {
        return keys.length;
    }

    int width() {
        return width;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(keys.length);
        out.writeInt(width);
        for (long key : keys) {
            out.writeLong(key);
        }
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    static FeatureWeights read(DataInputStream in) throws IOException {
        int n = in.readInt();
        int width = in.readInt();
        if (n < 0 || width < 1 || (long) n * width > Integer.MAX_VALUE) {
            throw new IOException("a table of " + n + " features of " + width + " values each");
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = in.readLong();
            if (i > 0 && keys[i] <= keys[i - 1]) {
                throw new IOException("the features are not in order");
            }
        }
        double[] values = new double[n * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return new FeatureWeights(keys, values, width);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureWeights other && width == other.width && Arrays.equals(keys, other.keys)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keys);
    }

    /** FNV-1a over the characters, then mixed (the finaliser of SplitMix64) so that every bit depends on all. */
    static long hash(String feature) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < feature.length(); i++) {
            h ^= feature.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
