package uk.hearth.intake.triage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The shipped triage configuration, loaded once per test run. Loading reads every phrase list and learns both
 * models from all the labelled examples, which takes about half a second; {@code Triage} is immutable, so tests
 * that classify against the shipped configuration share one instance instead of loading it per test.
 */
public final class ShippedTriage {

    private ShippedTriage() {
    }

    public static Triage get() {
        return Holder.TRIAGE;
    }

    /**
     * A copy of the shipped configuration in {@code to}, for a test to change; without a {@code trained-models.bin}
     * a developer may have written beside it, so every copy starts from what is in the repository.
     */
    public static void copyTo(Path to) throws IOException {
        copy(to, false);
    }

    /** As {@link #copyTo}, with the rules, lists and model settings but an empty examples folder to write into. */
    public static void copyWithoutExamplesTo(Path to) throws IOException {
        copy(to, true);
    }

    private static void copy(Path to, boolean withoutExamples) throws IOException {
        Path from = Triage.SHIPPED_CONFIG;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals(TrainedModels.FILE)
                        && !(withoutExamples && f.getParent().getFileName().toString().equals("examples"))) {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static final class Holder {
        static final Triage TRIAGE = Triage.standard();
    }
}
