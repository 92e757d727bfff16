package uk.hearth.intake.triage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The models' weights, learnt ahead of time from the labelled examples, so that loading triage reads them
 * instead of learning them again (learning from the shipped examples takes about ten seconds; reading, a fraction
 * of one). The build learns them from {@code config/triage} into the application; {@code triage-train} learns them
 * from a landlord's own configuration into {@link #FILE} beside it.
 *
 * <p>Each model is kept with what it was learnt from ({@link Source}: a digest of the examples and of how they are
 * learnt from, and the min-count). Loading uses a model only when its source is that of the configuration being
 * loaded; for any other model it learns from the examples, as it would with no file at all. So a stale file is
 * never wrong, only slow. Thresholds and margins are not learnt, so they are read from the configuration as ever.
 */
public final class TrainedModels {

    /** The file {@code triage-train} writes beside the configuration. */
    public static final String FILE = "trained-models.bin";
    /** Where the build puts the models learnt from the shipped configuration. */
    static final String RESOURCE = "/uk/hearth/intake/triage/" + FILE;
    static final String HAZARD = "hazard";
    static final String VULNERABILITY = "vulnerability";
    static final String REPRESENTATIVE = "representative";
    static final String ROLE_PREFIX = "representative-role/";
    static final String CLASS = "class";
    private static final String MAGIC = "hearth-triage-models";
    private static final int FORMAT = 2;
    private static final byte FLAG_MODEL = 'F';
    private static final byte CLASS_MODEL = 'C';

    /** What a model was learnt from: the examples (with how they were read and learnt from) and the min-count. */
    record Source(String examplesDigest, int minCount) {
    }

    private record Entry(Source source, Object model) {
    }

    private static final System.Logger LOG = System.getLogger(TrainedModels.class.getName());

    static final TrainedModels NONE = new TrainedModels(Map.of(), "nothing");

    private final Map<String, Entry> entries;
    private final String origin;

    private TrainedModels(Map<String, Entry> entries, String origin) {
        this.entries = entries;
        this.origin = origin;
    }

    /** Where these models were read from, for the log. */
    String origin() {
        return origin;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Every model of the configuration in {@code dir}, learnt now from its examples. */
    public static TrainedModels learn(Path dir) {
        Recorder recorder = new Recorder();
        TriageConfigLoader.load(dir, NONE, recorder);
        return new TrainedModels(Map.copyOf(recorder.entries), dir.toString());
    }

    /** How many models these are. */
    public int size() {
        return entries.size();
    }

    /**
     * What loading {@code dir} has to go on: {@link #FILE} in it if there is one, else the models the build learnt
     * from the shipped configuration, else none. A file that cannot be read (one written by another version, or
     * cut short) is reported in the log and passed over: the models are then learnt at start-up.
     */
    static TrainedModels forDirectory(Path dir) {
        Path file = dir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, file.toString());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "triage: " + file + " cannot be used (" + e.getMessage()
                        + "); the models are learnt at start-up instead; 'triage-train' writes it again");
                return NONE;
            }
        }
        try (InputStream in = TrainedModels.class.getResourceAsStream(RESOURCE)) {
            return in == null ? NONE : read(in, "the application (learnt from the shipped configuration)");
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "triage: the models learnt by the build cannot be used ("
                    + e.getMessage() + "); the models are learnt at start-up instead");
            return NONE;
        }
    }

    /** The flag model called {@code name}, when it was learnt from {@code source}. */
    Optional<FlagModel> flagModel(String name, Source source, double threshold) {
        Entry entry = entries.get(name);
        if (entry == null || !entry.source().equals(source) || !(entry.model() instanceof FlagModel model)) {
            return Optional.empty();
        }
        return Optional.of(model.withThreshold(threshold));
    }

    /** The role models, by role, when they were learnt from {@code source} (empty: learn them). */
    Optional<Map<String, FlagModel>> roleModels(Source source) {
        Map<String, FlagModel> roles = new TreeMap<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (e.getKey().startsWith(ROLE_PREFIX)) {
                if (!e.getValue().source().equals(source) || !(e.getValue().model() instanceof FlagModel model)) {
                    return Optional.empty();
                }
                roles.put(e.getKey().substring(ROLE_PREFIX.length()), model);
            }
        }
        // A representative model learnt with no roles has none to give; one that is there says it was learnt.
        return entries.containsKey(REPRESENTATIVE) && entries.get(REPRESENTATIVE).source().equals(source)
                ? Optional.of(roles) : Optional.empty();
    }

    /** The class model, when it was learnt from {@code source}. */
    Optional<ClassModel> classModel(Source source, double margin) {
        Entry entry = entries.get(CLASS);
        if (entry == null || !entry.source().equals(source) || !(entry.model() instanceof ClassModel model)) {
            return Optional.empty();
        }
        return Optional.of(model.withMargin(margin));
    }

    /** Collects what the loader learns: for {@link #learn}, and for the log. */
    static final class Recorder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        void flagModel(String name, Source source, FlagModel model) {
            entries.put(name, new Entry(source, model));
        }

        void classModel(Source source, ClassModel model) {
            entries.put(CLASS, new Entry(source, model));
        }

        int size() {
            return entries.size();
        }
    }

    /** Writes the models, each with what it was learnt from. */
    public void write(OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target, 1 << 16));
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(entries.size());
        for (Map.Entry<String, Entry> e : new TreeMap<>(entries).entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue().source().examplesDigest());
            out.writeInt(e.getValue().source().minCount());
            if (e.getValue().model() instanceof FlagModel flag) {
                out.writeByte(FLAG_MODEL);
                out.writeInt(flag.examples());
                out.writeDouble(flag.bias());
                flag.weights().write(out);
            } else {
                ClassModel model = (ClassModel) e.getValue().model();
                out.writeByte(CLASS_MODEL);
                out.writeInt(model.examples());
                double[] priors = model.logPriors();
                out.writeInt(priors.length);
                for (double p : priors) {
                    out.writeDouble(p);
                }
                model.logLikelihoods().write(out);
            }
        }
        out.flush();
    }

    /** Reads what {@link #write} wrote; {@code origin} names it in errors and in the log. */
    static TrainedModels read(InputStream source, String origin) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(source, 1 << 16));
        if (!MAGIC.equals(readMagic(in)) || in.readInt() != FORMAT) {
            throw new IOException("not a file of trained triage models of this version");
        }
        int count = in.readInt();
        Map<String, Entry> entries = new HashMap<>();
        for (int m = 0; m < count; m++) {
            String name = in.readUTF();
            Source from = new Source(in.readUTF(), in.readInt());
            byte kind = in.readByte();
            int examples = in.readInt();
            if (kind == FLAG_MODEL) {
                double bias = in.readDouble();
                entries.put(name, new Entry(from, FlagModel.of(FeatureWeights.read(in), bias, examples)));
            } else if (kind == CLASS_MODEL) {
                double[] priors = new double[in.readInt()];
                for (int k = 0; k < priors.length; k++) {
                    priors[k] = in.readDouble();
                }
                try {
                    entries.put(name, new Entry(from, ClassModel.of(FeatureWeights.read(in), priors, examples)));
                } catch (IllegalArgumentException e) {
                    throw new IOException(e.getMessage(), e);
                }
            } else {
                throw new IOException("unknown kind of model '" + (char) kind + "'");
            }
        }
        return new TrainedModels(Map.copyOf(entries), origin);
    }

    private static String readMagic(DataInputStream in) throws IOException {
        try {
            return in.readUTF();
        } catch (IOException e) {
            return "";
        }
    }

    /** The names of the models, for tests and the log. */
    List<String> names() {
        return new ArrayList<>(new TreeMap<>(entries).keySet());
    }
}
