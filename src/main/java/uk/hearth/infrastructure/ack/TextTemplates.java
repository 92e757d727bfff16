package uk.hearth.infrastructure.ack;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mustache text templates read from directories that staff may edit while the service runs. The directories are
 * layers: a name is looked up in each in turn and the first file found wins, so a landlord's own directory
 * overrides the shared one file by file.
 *
 * <p>A template may include a part with {{@code > parts/name}}: the part ({@code parts/name.txt}) is looked up
 * through the same layers, so a landlord can reword one paragraph (an exclusion, the concern tier) without copying
 * the whole template. A template is read again at most every {@code recheck}; when its text or any part's text has
 * changed it is compiled again, and an edit that does not compile (or includes a part that does not exist) is logged
 * while the last good version stays in use, so a typo never stops acknowledgements.
 */
final class TextTemplates {
    private static final Logger log = LoggerFactory.getLogger(TextTemplates.class);
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).nullValue("").emptyStringIsFalse(true);
    /** A part's name: letters, digits, '-', '_' and '/' (never "..", so a part cannot reach outside the layers). */
    private static final Pattern INCLUDE = Pattern.compile("\\{\\{>\\s*([A-Za-z0-9_\\-]+(?:/[A-Za-z0-9_\\-]+)*)\\s*}}");
    private static final int MAX_DEPTH = 8;

    private final List<Path> layers;
    private final Duration recheck;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Template template, String source, Instant checkedAt) {
    }

    TextTemplates(Path directory, Duration recheck, Clock clock) {
        this(List.of(directory), recheck, clock);
    }

    /** @param layers directories searched in order, the most specific first */
    TextTemplates(List<Path> layers, Duration recheck, Clock clock) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no template directory");
        }
        this.layers = List.copyOf(layers);
        this.recheck = recheck;
        this.clock = clock;
    }

    /** The last (shared) layer, where every template must at least exist. */
    Path directory() {
        return layers.get(layers.size() - 1);
    }

    /** The names of the templates (not the parts) that the layers hold now. */
    SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>();
        for (Path layer : layers) {
            try (var files = Files.list(layer)) {
                files.filter(f -> f.getFileName().toString().endsWith(".txt") && Files.isRegularFile(f))
                        .forEach(f -> names.add(f.getFileName().toString()));
            } catch (NoSuchFileException absent) {
                // a landlord without templates of its own
            } catch (IOException e) {
                throw new UncheckedIOException("template directory " + layer + " cannot be listed", e);
            }
        }
        return names;
    }

    /** The compiled template named {@code name}, or empty when no layer has such a file. */
    Optional<Template> find(String name) {
        Instant now = clock.instant();
        Entry entry = cache.get(name);
        if (entry != null && entry.checkedAt().plus(recheck).isAfter(now)) {
            return Optional.of(entry.template());
        }
        String source;
        try {
            Optional<String> read = read(name);
            if (read.isEmpty()) {
                cache.remove(name);
                return Optional.empty();
            }
            source = expand(name, read.get(), 0);
        } catch (TemplateSourceException e) {
            return keepLastGood(name, entry, now, e.getMessage(), e);
        }
        if (entry != null && entry.source().equals(source)) {
            cache.put(name, new Entry(entry.template(), source, now));
            return Optional.of(entry.template());
        }
        try {
            Template compiled = COMPILER.compile(source);
            cache.put(name, new Entry(compiled, source, now));
            return Optional.of(compiled);
        } catch (MustacheException e) {
            return keepLastGood(name, entry, now, "template " + name + " in " + layers + " does not compile: "
                    + e.getMessage(), e);
        }
    }

    private Optional<Template> keepLastGood(String name, Entry entry, Instant now, String problem, Exception e) {
        if (entry == null) {
            throw new IllegalStateException(problem, e);
        }
        log.error("{}; keeping the previous version of {}", problem, name);
        cache.put(name, new Entry(entry.template(), entry.source(), now));
        return Optional.of(entry.template());
    }

    /** The template's text with every part written in; a standalone include line keeps its line break once. */
    private String expand(String name, String text, int depth) {
        if (depth > MAX_DEPTH) {
            throw new TemplateSourceException("template parts include each other in a loop (reached " + name + ")");
        }
        Matcher include = INCLUDE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (include.find()) {
            String part = include.group(1) + ".txt";
            String partText = read(part).orElseThrow(() -> new TemplateSourceException("template " + name
                    + " includes {{> " + include.group(1) + "}} but there is no " + part + " in " + layers));
            String expanded = expand(part, partText, depth + 1);
            if (expanded.endsWith("\n")) {
                expanded = expanded.substring(0, expanded.length() - 1);
            }
            include.appendReplacement(out, Matcher.quoteReplacement(expanded));
        }
        include.appendTail(out);
        int unnamed = text.indexOf("{{>");
        if (unnamed >= 0 && !INCLUDE.matcher(text).find(unnamed)) {
            throw new TemplateSourceException("template " + name + " includes a part by a name that is not allowed ("
                    + text.substring(unnamed, Math.min(text.length(), unnamed + 40)).strip()
                    + "): use letters, digits, '-', '_' and '/', as in {{> parts/closing_en}}");
        }
        return out.toString();
    }

    private Optional<String> read(String name) {
        for (Path layer : layers) {
            Path file = layer.resolve(name);
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (NoSuchFileException absent) {
                // the next layer, if any
            } catch (IOException e) {
                throw new UncheckedIOException("template " + file + " cannot be read", e);
            }
        }
        return Optional.empty();
    }

    private static final class TemplateSourceException extends RuntimeException {
        TemplateSourceException(String message) {
            super(message);
        }
    }
}
