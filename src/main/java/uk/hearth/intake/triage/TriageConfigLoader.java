package uk.hearth.intake.triage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import uk.hearth.complaint.CaseClass;
import uk.hearth.intake.triage.Phrase.Element;

/**
 * Reads {@code config/triage/}: {@code rules.yaml} (what each rule does, how much it counts, the decision
 * thresholds and the languages) and one folder per language ({@code en/}, {@code cy/}) of YAML files with
 * {@code lists:} (the phrases rules look for), {@code classes:} (word groups usable as {@code @name}),
 * {@code spellings:} (texting shorthand and misspellings, mapped to the words the lists use) and
 * {@code markers:} (words that show a message is written in that language).
 *
 * <p>Anything it cannot use - a YAML error, an unknown entry, a phrase that does not parse, a rule naming a
 * list no language defines - stops it with a {@link TriageConfigException} naming the file and the entry.
 */
final class TriageConfigLoader {

    static final String RULES_FILE = "rules.yaml";
    static final String HAZARD_MODEL_FILE = "hazard-model.yaml";
    static final String CLASS_MODEL_FILE = "class-model.yaml";
    static final String REPRESENTATIVE_MODEL_FILE = "representative-model.yaml";
    static final String VULNERABILITY_MODEL_FILE = "vulnerability-model.yaml";
    private static final Set<String> LANGUAGE_FILE_SECTIONS = Set.of("lists", "classes", "spellings", "markers");

    /** One language's files, before compiling. */
    private static final class LanguageFiles {
        final String code;
        final String name;
        final boolean always;
        final int minMarkers;
        final Map<String, List<ConfigNode>> lists = new LinkedHashMap<>();
        final Map<String, ConfigNode> classes = new HashMap<>();
        final Map<String, String[]> spellings = new HashMap<>();
        final Set<String> markers = new HashSet<>();
        final Map<String, List<Element>> parsedClasses = new HashMap<>();
        final Set<String> parsing = new HashSet<>();

        LanguageFiles(String code, String name, boolean always, int minMarkers) {
            this.code = code;
            this.name = name;
            this.always = always;
            this.minMarkers = minMarkers;
        }
    }

    /** How the role models learn, in words (a change to the role learning must change it; see FlagModel.LEARNING). */
    static final String ROLES_LEARNING = "roles 1: one flag model per role, on the representatives' lines only,"
            + " when they hold two or more roles";
    private static final System.Logger LOG = System.getLogger(TriageConfigLoader.class.getName());

    private TriageConfigLoader() {
    }

    static Triage load(Path dir) {
        long start = System.nanoTime();
        TrainedModels trained = TrainedModels.forDirectory(dir);
        TrainedModels.Recorder learnt = new TrainedModels.Recorder();
        Triage triage = load(dir, trained, learnt);
        if (learnt.size() > 0) {
            LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "triage: %d model(s) learnt from the"
                    + " examples at start-up, in %.1f s: %s; 'triage-train' learns them ahead, into %s",
                    learnt.size(), (System.nanoTime() - start) / 1e9, trained.isEmpty()
                            ? "none were learnt ahead" : trained.origin() + " holds models learnt from other examples",
                    dir.resolve(TrainedModels.FILE)));
        } else if (!trained.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "triage: models read from " + trained.origin());
        }
        return triage;
    }

    /**
     * Triage as configured in {@code dir}, each model taken from {@code trained} when it was learnt from these
     * examples, else learnt now and given to {@code learnt}.
     */
    static Triage load(Path dir, TrainedModels trained, TrainedModels.Recorder learnt) {
        if (!Files.isDirectory(dir)) {
            throw new TriageConfigException("triage configuration directory not found: " + dir);
        }
        Path rulesFile = dir.resolve(RULES_FILE);
        if (!Files.isRegularFile(rulesFile)) {
            throw new TriageConfigException(rulesFile + ": not found; the triage configuration needs it");
        }
        ConfigNode root = ConfigNode.read(rulesFile);
        Map<String, ConfigNode> top = root.entries(Set.of("decision", "languages", "rules"));
        List<LanguageFiles> languages = readLanguages(dir, root.get("languages"));
        Lexicon lexicon = compile(languages);
        Triage triage = RuleReader.read(root.get("decision"), root.get("rules"), lexicon, top.containsKey("rules"));
        // The models usually learn from the same directory: it is read once, and only if a model must learn.
        Models models = new Models(dir, trained, learnt);
        Path modelFile = dir.resolve(HAZARD_MODEL_FILE);
        if (Files.isRegularFile(modelFile)) {
            triage = triage.withHazardModel(models.flagModel(TrainedModels.HAZARD, ConfigNode.read(modelFile),
                    ExampleLine::hazard));
        }
        Path representativeFile = dir.resolve(REPRESENTATIVE_MODEL_FILE);
        if (Files.isRegularFile(representativeFile)) {
            triage = triage.withRepresentativeModel(models.representativeModel(ConfigNode.read(representativeFile)));
        }
        Path vulnerabilityFile = dir.resolve(VULNERABILITY_MODEL_FILE);
        if (Files.isRegularFile(vulnerabilityFile)) {
            triage = triage.withVulnerabilityModel(models.flagModel(TrainedModels.VULNERABILITY,
                    ConfigNode.read(vulnerabilityFile), ExampleLine::vulnerability));
        }
        Path classModelFile = dir.resolve(CLASS_MODEL_FILE);
        if (Files.isRegularFile(classModelFile)) {
            triage = triage.withClassModel(models.classModel(ConfigNode.read(classModelFile)));
        }
        return triage;
    }

    /** The models of one configuration: each read from what was learnt ahead when it fits, else learnt now. */
    private record Models(Path dir, TrainedModels trained, TrainedModels.Recorder learnt,
                          Map<Path, Examples> examplesRead) {

        Models(Path dir, TrainedModels trained, TrainedModels.Recorder learnt) {
            this(dir, trained, learnt, new HashMap<>());
        }

        /** {@code hazard-model.yaml}, {@code vulnerability-model.yaml}, or null when switched off. */
        FlagModel flagModel(String name, ConfigNode node, Predicate<ExampleLine> flag) {
            ModelFile file = ModelFile.read(dir, node, "threshold", 3, examplesRead);
            if (file == null) {
                return null;
            }
            double threshold = file.node().get("threshold").decimal(0);
            return trained.flagModel(name, file.source(), threshold)
                    .orElseGet(() -> learnt(name, file, file.learnFlag(flag, threshold)));
        }

        /**
         * {@code representative-model.yaml}: whether someone writes for the tenant, learnt from every example, and
         * in which role, learnt from the examples written by a representative (one model per role they hold).
         */
        Triage.RepresentativeModel representativeModel(ConfigNode node) {
            ModelFile file = ModelFile.read(dir, node, "threshold", 3, examplesRead);
            if (file == null) {
                return null;
            }
            double threshold = file.node().get("threshold").decimal(0);
            Optional<FlagModel> flag = trained.flagModel(TrainedModels.REPRESENTATIVE, file.source(), threshold);
            Optional<Map<String, FlagModel>> roles = trained.roleModels(file.source());
            if (flag.isPresent() && roles.isPresent()) {
                return new Triage.RepresentativeModel(flag.get(), roles.get());
            }
            FlagModel learntFlag = learnt(TrainedModels.REPRESENTATIVE, file,
                    file.learnFlag(ExampleLine::representative, threshold));
            Map<String, FlagModel> byRole = new HashMap<>();
            file.learnRoles().forEach((role, model) ->
                    byRole.put(role, learnt(TrainedModels.ROLE_PREFIX + role, file, model)));
            return new Triage.RepresentativeModel(learntFlag, byRole);
        }

        /** {@code class-model.yaml}, or null when switched off. */
        ClassModel classModel(ConfigNode node) {
            ModelFile file = ModelFile.read(dir, node, "margin", 2, examplesRead);
            if (file == null) {
                return null;
            }
            int margin = node.get("margin").integer(10);
            if (margin < 0) {
                throw node.get("margin").error("must be 0 or more");
            }
            return trained.classModel(file.source(), margin).orElseGet(() -> {
                ClassModel model = file.learnClasses(margin);
                learnt.classModel(file.source(), model);
                return model;
            });
        }

        private FlagModel learnt(String name, ModelFile file, FlagModel model) {
            learnt.flagModel(name, file.source(), model);
            return model;
        }
    }

    /**
     * The examples of one directory: a digest of them (enough to know whether a model learnt earlier learnt from
     * them), and, only if a model must learn now, the lines as read and their encodings by min-count.
     */
    private static final class Examples {
        private final ConfigNode node;
        private final Path dir;
        private final Map<Integer, FlagModel.Encoded> encodedByMinCount = new HashMap<>();
        private String digest;
        private List<ExampleLine> lines;

        Examples(ConfigNode node, Path dir) {
            this.node = node;
            this.dir = dir;
        }

        String digest() {
            if (digest == null) {
                digest = digestOf(node, dir);
            }
            return digest;
        }

        List<ExampleLine> lines() {
            if (lines == null) {
                lines = exampleLines(node, dir);
            }
            return lines;
        }

        FlagModel.Encoded encoded(int minCount) {
            return encodedByMinCount.computeIfAbsent(minCount,
                    m -> FlagModel.Encoded.of(lines().stream().map(ExampleLine::features).toList(), m));
        }
    }

    /** What the model files share: on or off, where the examples are (read once for all), min-count. */
    private record ModelFile(ConfigNode node, Path examplesDir, int minCount, Examples examples) {

        /** The file's settings and examples, or null when the model is switched off. */
        static ModelFile read(Path dir, ConfigNode node, String ownKey, int defaultMinCount,
                              Map<Path, Examples> examplesRead) {
            node.entries(Set.of("enabled", "examples", ownKey, "min-count"));
            if (!node.get("enabled").bool(true)) {
                return null;
            }
            Path examplesDir = dir.resolve(node.get("examples").string("examples"));
            int minCount = node.get("min-count").integer(defaultMinCount);
            if (minCount < 1) {
                throw node.get("min-count").error("must be at least 1");
            }
            return new ModelFile(node, examplesDir, minCount, examplesRead.computeIfAbsent(examplesDir.normalize(),
                    d -> new Examples(node.get("examples"), d)));
        }

        /** What a model of this file learns from. */
        TrainedModels.Source source() {
            return new TrainedModels.Source(examples.digest(), minCount);
        }

        List<ExampleLine> lines() {
            return examples.lines();
        }

        /** A flag model learnt now from every example, on the flag {@code flag} reads from each line. */
        FlagModel learnFlag(Predicate<ExampleLine> flag, double threshold) {
            try {
                return FlagModel.train(examples.encoded(minCount), lines().stream().map(flag::test).toList(),
                        threshold);
            } catch (IllegalArgumentException e) {
                throw error(e);
            }
        }

        /** One model per role, learnt now from the representatives' lines; none when they hold one role or none. */
        Map<String, FlagModel> learnRoles() {
            List<Integer> representatives = new ArrayList<>();
            Set<String> roles = new TreeSet<>();
            for (int i = 0; i < lines().size(); i++) {
                if (lines().get(i).representative()) {
                    representatives.add(i);
                    roles.add(lines().get(i).role());
                }
            }
            Map<String, FlagModel> byRole = new TreeMap<>();
            if (roles.size() > 1) {
                for (String role : roles) {
                    byRole.put(role, FlagModel.train(examples.encoded(minCount), representatives,
                            representatives.stream().map(i -> role.equals(lines().get(i).role())).toList(), 0));
                }
            }
            return byRole;
        }

        /** The class model learnt now from every example. */
        ClassModel learnClasses(double margin) {
            try {
                return ClassModel.train(lines().stream().map(ExampleLine::features).toList(),
                        lines().stream().map(ExampleLine::label).toList(), margin, minCount);
            } catch (IllegalArgumentException e) {
                throw error(e);
            }
        }

        /** The examples cannot teach the model (too few of a kind). */
        TriageConfigException error(IllegalArgumentException e) {
            return node.get("examples").error(examplesDir + ": " + e.getMessage());
        }
    }

    /**
     * One labelled example as read, with where it came from for error messages, and its words and word pairs as
     * every model reads them (worked out once, here).
     */
    private record ExampleLine(Path file, int number, Map<?, ?> fields, Set<String> features) {

        static ExampleLine of(Path file, int number, Map<?, ?> fields) {
            if (fields.get("text") instanceof String text) {
                return new ExampleLine(file, number, fields, FlagModel.features(text));
            }
            throw new TriageConfigException(file + " line " + number + ": needs \"text\" (a string)");
        }

        TriageConfigException error(String what) {
            return new TriageConfigException(file + " line " + number + ": " + what);
        }

        boolean hazard() {
            return flag("hazard");
        }

        boolean representative() {
            return flag("representative");
        }

        boolean vulnerability() {
            return flag("vulnerability");
        }

        /** The representative's role; "other" when a representative's line gives none. */
        String role() {
            Object role = fields.get("rep_role");
            if (role == null) {
                return "other";
            }
            if (role instanceof String r && Finding.ROLES.contains(r)) {
                return r;
            }
            throw error("\"rep_role\" must be one of " + String.join(", ", new TreeSet<>(Finding.ROLES)) + ", found '"
                    + role + "'");
        }

        private boolean flag(String name) {
            if (fields.get(name) instanceof Boolean value) {
                return value;
            }
            throw error("needs \"" + name + "\" (true or false)");
        }

        CaseClass label() {
            if (!(fields.get("label") instanceof String label)) {
                throw error("needs \"label\" (a string)");
            }
            try {
                return CaseClass.fromWireName(label);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }
    }

    /** Every JSON line of every {@code *.jsonl} file in the directory, in file-name order. */
    private static List<ExampleLine> exampleLines(ConfigNode node, Path examplesDir) {
        List<ExampleLine> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(examplesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                Yaml json = new Yaml(new SafeConstructor(new LoaderOptions()));
                List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int k = 0; k < text.size(); k++) {
                    if (text.get(k).isBlank()) {
                        continue;
                    }
                    Object line;
                    try {
                        line = json.load(text.get(k));
                    } catch (YAMLException e) {
                        throw new TriageConfigException(file + " line " + (k + 1) + ": not a JSON object: "
                                + e.getMessage().replaceAll("\\s+", " "), e);
                    }
                    if (!(line instanceof Map<?, ?> map)) {
                        throw new TriageConfigException(file + " line " + (k + 1) + ": not a JSON object");
                    }
                    lines.add(ExampleLine.of(file, k + 1, map));
                }
            }
        } catch (IOException e) {
            throw node.error("cannot read the examples directory " + examplesDir + ": " + e.getMessage());
        }
        return lines;
    }

    /**
     * A digest of every {@code *.jsonl} file in the directory (names and contents, in file-name order, as
     * {@link #exampleLines} reads them) and of how the models read and learn from them.
     */
    private static String digestOf(ConfigNode node, Path examplesDir) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
        sha.update((FlagModel.LEARNING + "\n" + ROLES_LEARNING + "\n" + ClassModel.LEARNING + "\n")
                .getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(examplesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                sha.update((file.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
                sha.update((byte) 0);
            }
        } catch (IOException e) {
            throw node.error("cannot read the examples directory " + examplesDir + ": " + e.getMessage());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static List<LanguageFiles> readLanguages(Path dir, ConfigNode node) {
        if (node.isMissing()) {
            throw node.error("missing: list the languages, e.g. 'en: {always: true}' and 'cy: {min-markers: 2}'");
        }
        List<LanguageFiles> languages = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : node.entries(null).entrySet()) {
            ConfigNode settings = e.getValue();
            settings.entries(Set.of("always", "min-markers", "name"));
            LanguageFiles language = new LanguageFiles(e.getKey(), settings.get("name").string(e.getKey()),
                    settings.get("always").bool(false),
                    settings.get("min-markers").integer(0));
            if (!language.always && language.minMarkers <= 0) {
                throw settings.error("a language that is not 'always' needs 'min-markers' (how many of its marker"
                        + " words show a message is in it)");
            }
            readLanguageFiles(dir.resolve(e.getKey()), language);
            languages.add(language);
        }
        if (languages.stream().noneMatch(l -> l.always)) {
            throw node.error("at least one language must be 'always: true'");
        }
        if (languages.size() > 16) {
            throw node.error("at most 16 languages");
        }
        return languages;
    }

    private static void readLanguageFiles(Path folder, LanguageFiles language) {
        if (!Files.isDirectory(folder)) {
            throw new TriageConfigException(folder + ": not found; each language in " + RULES_FILE
                    + " needs a folder of phrase lists");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new TriageConfigException(folder + ": cannot be read: " + e.getMessage(), e);
        }
        for (Path file : files) {
            ConfigNode root = ConfigNode.read(file);
            Map<String, ConfigNode> sections = root.entries(LANGUAGE_FILE_SECTIONS);
            for (Map.Entry<String, ConfigNode> list : root.get("lists").entries(null).entrySet()) {
                if (language.lists.containsKey(list.getKey())) {
                    throw list.getValue().error("list '" + list.getKey() + "' is already defined in another "
                            + language.code + " file; keep each list in one place");
                }
                language.lists.put(list.getKey(), list.getValue().list());
            }
            for (Map.Entry<String, ConfigNode> c : root.get("classes").entries(null).entrySet()) {
                if (language.classes.put(c.getKey(), c.getValue()) != null) {
                    throw c.getValue().error("class '" + c.getKey() + "' is defined twice");
                }
            }
            for (Map.Entry<String, ConfigNode> s : root.get("spellings").entries(null).entrySet()) {
                String[] typed = Tokens.of(s.getKey()).words();
                if (typed.length != 1) {
                    throw s.getValue().error("a spelling must be one word as typed, e.g. 'pls: please'");
                }
                String[] meant = Tokens.of(s.getValue().string()).words();
                if (meant.length == 0) {
                    throw s.getValue().error("needs the word or words it stands for");
                }
                language.spellings.put(typed[0], meant);
            }
            for (ConfigNode m : root.get("markers").list()) {
                String[] words = Tokens.of(m.string()).words();
                if (words.length != 1) {
                    throw m.error("a marker must be a single word");
                }
                language.markers.add(words[0]);
            }
            if (sections.isEmpty()) {
                throw root.error("empty; expected lists:, classes:, spellings: or markers:");
            }
        }
    }

    private static Lexicon compile(List<LanguageFiles> languages) {
        Map<String, Integer> listIds = new LinkedHashMap<>();
        languages.forEach(l -> l.lists.keySet().forEach(name -> listIds.putIfAbsent(name, listIds.size())));
        Map<String, String[]> alwaysSpellings = new HashMap<>();
        languages.stream().filter(l -> l.always).forEach(l -> alwaysSpellings.putAll(l.spellings));
        PhraseMatcher matcher = new PhraseMatcher();
        List<Integer> listOf = new ArrayList<>();
        List<Integer> bitOf = new ArrayList<>();
        for (int k = 0; k < languages.size(); k++) {
            LanguageFiles language = languages.get(k);
            Map<String, String[]> spellings = new HashMap<>(alwaysSpellings);
            spellings.putAll(language.spellings);
            Function<String, String[]> words = atom -> Tokens.of(atom).respell(spellings).words();
            Function<String, List<Element>> classes = name -> resolveClass(name, language, languages, words);
            for (Map.Entry<String, List<ConfigNode>> list : language.lists.entrySet()) {
                int entry = listOf.size();
                listOf.add(listIds.get(list.getKey()));
                bitOf.add(1 << k);
                for (ConfigNode phrase : list.getValue()) {
                    String source = phrase.string();
                    try {
                        matcher.add(entry, Phrase.parse(source, classes, words));
                    } catch (Phrase.SyntaxException e) {
                        throw phrase.error("'" + source + "': " + e.getMessage());
                    }
                }
            }
        }
        List<Lexicon.Language> compiled = languages.stream().map(l -> new Lexicon.Language(l.code, l.name, l.always,
                Set.copyOf(l.markers), l.minMarkers, Map.copyOf(l.spellings))).toList();
        return new Lexicon(compiled, listIds, matcher.compact(), listOf.stream().mapToInt(Integer::intValue).toArray(),
                bitOf.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A class is looked up in the phrase's own language first, then in the languages that always apply. */
    private static List<Element> resolveClass(String name, LanguageFiles language, List<LanguageFiles> languages,
                                              Function<String, String[]> words) {
        LanguageFiles owner = language.classes.containsKey(name) ? language
                : languages.stream().filter(l -> l.always && l.classes.containsKey(name)).findFirst().orElse(null);
        if (owner == null) {
            throw new Phrase.SyntaxException("unknown word class '@" + name + "'");
        }
        List<Element> done = owner.parsedClasses.get(name);
        if (done != null) {
            return done;
        }
        if (!owner.parsing.add(name)) {
            throw new Phrase.SyntaxException("word class '@" + name + "' refers to itself");
        }
        try {
            Function<String, List<Element>> classes = inner -> resolveClass(inner, owner, languages, words);
            List<List<Element>> entries = new ArrayList<>();
            for (ConfigNode entry : owner.classes.get(name).list()) {
                String source = entry.string();
                try {
                    entries.add(Phrase.parse(source, classes, words));
                } catch (Phrase.SyntaxException e) {
                    throw entry.error("'" + source + "': " + e.getMessage());
                }
            }
            if (entries.isEmpty()) {
                throw owner.classes.get(name).error("a word class needs at least one entry");
            }
            List<Element> choice = Phrase.choiceOf(entries);
            owner.parsedClasses.put(name, choice);
            return choice;
        } finally {
            owner.parsing.remove(name);
        }
    }
}
