package uk.hearth.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeatureWeightsTest {

    private final FeatureWeights weights = FeatureWeights.of(List.of("gas", "gas_smell", "rent"),
            new double[] {1.5, -1, 2.5, 0, -0.5, 3}, 2);

    @Test
    void findsEachFeaturesValuesAndNothingForOthers() {
        assertThat(weights.size()).isEqualTo(3);
        int gasSmell = weights.indexOf("gas_smell");
        assertThat(gasSmell).isNotNegative();
        assertThat(weights.value(gasSmell, 0)).isEqualTo(2.5);
        assertThat(weights.value(gasSmell, 1)).isEqualTo(0);
        assertThat(weights.value(weights.indexOf("rent"), 1)).isEqualTo(3);
        assertThat(weights.indexOf("smell")).isEqualTo(-1);
        assertThat(weights.indexOf("Gas")).isEqualTo(-1);
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            weights.write(out);
        }
        FeatureWeights back = FeatureWeights.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back).isEqualTo(weights);
        assertThat(back.value(back.indexOf("gas"), 0)).isEqualTo(1.5);
    }

    @Test
    void refusesValuesThatDoNotFitTheFeatures() {
        assertThatThrownBy(() -> FeatureWeights.of(List.of("gas"), new double[] {1, 2, 3}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 features need 2 values");
    }

    @Test
    void refusesAFileWhoseFeaturesAreOutOfOrder() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(2);
            out.writeInt(1);
            out.writeLong(5);
            out.writeLong(3);
            out.writeDouble(1);
            out.writeDouble(2);
        }
        assertThatThrownBy(() -> FeatureWeights.read(new DataInputStream(new ByteArrayInputStream(
                bytes.toByteArray())))).isInstanceOf(IOException.class).hasMessageContaining("not in order");
    }

    /**
     * Models learnt ahead are stored by these hashes: if this value changes, every file written before no longer
     * finds its features, so {@code TrainedModels.FORMAT} must be raised with it.
     */
    @Test
    void theHashOfAFeatureStaysTheSame() {
        assertThat(FeatureWeights.hash("gas_smell")).isEqualTo(PINNED_GAS_SMELL);
        assertThat(FeatureWeights.hash("gas_smell")).isNotEqualTo(FeatureWeights.hash("gas_smel"));
    }

    private static final long PINNED_GAS_SMELL = -483162178555315335L;
}
