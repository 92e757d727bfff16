package uk.hearth.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import uk.hearth.intake.triage.TrainedModels;
import uk.hearth.intake.triage.Triage;
import uk.hearth.intake.triage.TriageConfigException;

/**
 * {@code java -jar hearth.jar triage-train [--config DIR] [--out FILE]}: learns every model of a triage
 * configuration from its examples and writes them (by default to {@code DIR/trained-models.bin}), so that the
 * service reads them at start-up instead of learning them again. The build runs it on the shipped configuration.
 * Without the file the service still starts, learning at start-up; a file learnt from other examples is not used.
 */
public final class TriageTraining {

    private static final String USAGE = "usage: triage-train [--config DIR] [--out FILE]";

    private TriageTraining() {
    }

    /** For the build: fails (and so fails the build) when the models cannot be learnt or written. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            throw new IllegalStateException("triage-train failed (exit code " + code + "); see above");
        }
    }

    /** The command line: returns the process exit code (0 written, 2 bad arguments, 1 unusable configuration). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path config = Triage.SHIPPED_CONFIG;
        Path target = null;
        for (int k = 0; k < args.length; k++) {
            if (args[k].equals("--config") && k + 1 < args.length) {
                config = Path.of(args[++k]);
            } else if (args[k].equals("--out") && k + 1 < args.length) {
                target = Path.of(args[++k]);
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (target == null) {
            target = config.resolve(TrainedModels.FILE);
        }
        try {
            long start = System.nanoTime();
            TrainedModels models = TrainedModels.learn(config);
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Written beside the target, then moved over it: a service starting meanwhile reads the old file or the
            // new one, never half of one.
            Path partial = parent.resolve(target.getFileName() + ".partial");
            try (OutputStream stream = Files.newOutputStream(partial)) {
                models.write(stream);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.printf(Locale.ROOT, "triage-train: %d models learnt from %s in %.1f s, written to %s (%,d bytes)%n",
                    models.size(), config, (System.nanoTime() - start) / 1e9, target, Files.size(target));
            return 0;
        } catch (TriageConfigException e) {
            err.println("triage-train: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("triage-train: cannot write " + target + ": " + e.getMessage());
            return 1;
        }
    }
}
