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
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mustache text templates read from a directory that staff may edit while the service runs. A template is
 * compiled once and looked at again (its modification time) at most every {@code recheck}; an edit that does
 * not compile is logged and the last good version stays in use, so a typo never stops acknowledgements.
 */
final class TextTemplates {
    private static final Logger log = LoggerFactory.getLogger(TextTemplates.class);
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).nullValue("").emptyStringIsFalse(true);

    private final Path directory;
    private final Duration recheck;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Template template, FileTime modified, Instant checkedAt) {
    }

    TextTemplates(Path directory, Duration recheck, Clock clock) {
        this.directory = directory;
        this.recheck = recheck;
        this.clock = clock;
    }

    Path directory() {
        return directory;
    }

    /** The compiled template named {@code name}, or empty when there is no such file. */
    Optional<Template> find(String name) {
        Instant now = clock.instant();
        Entry entry = cache.get(name);
        if (entry != null && entry.checkedAt().plus(recheck).isAfter(now)) {
            return Optional.of(entry.template());
        }
        Path file = directory.resolve(name);
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (NoSuchFileException gone) {
            cache.remove(name);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entry != null && entry.modified().equals(modified)) {
            cache.put(name, new Entry(entry.template(), modified, now));
            return Optional.of(entry.template());
        }
        try {
            Template compiled = COMPILER.compile(Files.readString(file, StandardCharsets.UTF_8));
            cache.put(name, new Entry(compiled, modified, now));
            return Optional.of(compiled);
        } catch (MustacheException | IOException e) {
            if (entry == null) {
                throw new IllegalStateException("template " + file + " cannot be read: " + e.getMessage(), e);
            }
            log.error("Template {} was edited but cannot be used ({}); keeping the previous version", file,
                    e.getMessage());
            cache.put(name, new Entry(entry.template(), modified, now));
            return Optional.of(entry.template());
        }
    }
}
