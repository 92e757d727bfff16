package uk.hearth.intake.triage;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A value read from a YAML file of the triage configuration, with where it came from ("rules.yaml: rules[4]
 * (missed-appointment).weight"), so every error can say which file and entry to fix.
 */
final class ConfigNode {

    private final String file;
    private final String path;
    private final Object value;

    private ConfigNode(String file, String path, Object value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    /** Reads a whole file; duplicate keys and YAML syntax errors are reported with the file name. */
    static ConfigNode read(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = yaml.load(reader);
            return new ConfigNode(file.toString(), "", root == null ? Map.of() : root);
        } catch (YAMLException e) {
            throw new TriageConfigException(file + ": not valid YAML: " + e.getMessage().replaceAll("\\s+", " "), e);
        } catch (IOException e) {
            throw new TriageConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** An error about this entry, naming the file and the entry. */
    TriageConfigException error(String problem) {
        return new TriageConfigException(file + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    String where() {
        return file + (path.isEmpty() ? "" : ": " + path);
    }

    boolean isMissing() {
        return value == null;
    }

    ConfigNode get(String key) {
        Map<?, ?> map = map();
        return new ConfigNode(file, path.isEmpty() ? key : path + "." + key, map.get(key));
    }

    /** The entries of a mapping, in file order; fails on any key not in {@code allowed} (when given). */
    Map<String, ConfigNode> entries(Set<String> allowed) {
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map().entrySet()) {
            String key = String.valueOf(e.getKey());
            if (allowed != null && !allowed.contains(key)) {
                throw error("unknown entry '" + key + "' (expected one of " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            out.put(key, new ConfigNode(file, path.isEmpty() ? key : path + "." + key, e.getValue()));
        }
        return out;
    }

    List<ConfigNode> list() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw error("expected a list");
        }
        List<ConfigNode> out = new ArrayList<>(items.size());
        for (int k = 0; k < items.size(); k++) {
            out.add(new ConfigNode(file, path + "[" + (k + 1) + "]", items.get(k)));
        }
        return out;
    }

    /** A list of strings, or a single string taken as a list of one. */
    List<String> strings() {
        if (value instanceof String s) {
            return List.of(s);
        }
        return list().stream().map(ConfigNode::string).toList();
    }

    String string() {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw error(value == null ? "missing" : "expected text");
    }

    String string(String fallback) {
        return value == null ? fallback : string();
    }

    int integer(int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer i) {
            return i;
        }
        throw error("expected a whole number, found '" + value + "'");
    }

    double decimal(double fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw error("expected a number, found '" + value + "'");
    }

    boolean bool(boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw error("expected true or false, found '" + value + "'");
    }

    private Map<?, ?> map() {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error("expected a mapping of names to values");
        }
        return map;
    }
}
