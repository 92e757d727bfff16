package uk.hearth.channel.webhook;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simple JSON paths integrators write in configuration — {@code $.message.text}, {@code $.attachments[0].url},
 * {@code $['odd key']} — read as JSON pointers. Anything else (wildcards, filters) is refused when the channel is
 * configured, not when a message arrives.
 */
final class JsonPath {
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_-]*)|\\[(\\d+)]|\\['([^']+)']");

    private final String written;
    private final JsonPointer pointer;

    private JsonPath(String written, JsonPointer pointer) {
        this.written = written;
        this.pointer = pointer;
    }

    static JsonPath parse(String written) {
        if (written == null || !written.startsWith("$")) {
            throw new IllegalArgumentException("'" + written + "' is not a JSON path: it must start with $");
        }
        StringBuilder pointer = new StringBuilder();
        Matcher m = STEP.matcher(written);
        int at = 1;
        while (at < written.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("'" + written + "' is not a JSON path this channel reads: expected"
                        + " .name, [index] or ['name'] at position " + at);
            }
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
            at = m.end();
        }
        return new JsonPath(written, JsonPointer.compile(pointer.toString()));
    }

    /** The text at this path; empty when it is missing, null or blank. */
    Optional<String> text(JsonNode document) {
        JsonNode node = document.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        String value = node.isValueNode() ? node.asText() : node.toString();
        return value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    @Override
    public String toString() {
        return written;
    }
}
