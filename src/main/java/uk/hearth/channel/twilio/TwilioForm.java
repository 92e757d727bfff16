package uk.hearth.channel.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of a form-encoded post from Twilio, in the order they came, repeated names included. Read from the
 * raw body rather than the servlet's parameter map, which would mix in the query string the signature covers
 * separately.
 */
final class TwilioForm {
    record Field(String name, String value) {
    }

    private final List<Field> fields;

    TwilioForm(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** @throws IllegalArgumentException when the body is not valid form encoding */
    static TwilioForm parse(String body) {
        List<Field> fields = new ArrayList<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                fields.add(new Field(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8)));
            }
        }
        return new TwilioForm(fields);
    }

    List<Field> fields() {
        return fields;
    }

    /** The first value posted under {@code name}, or null. */
    String get(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f.value();
            }
        }
        return null;
    }

    /** The first non-blank value among {@code names}, stripped; null when none. */
    String first(String... names) {
        for (String name : names) {
            String value = get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** Every value of every name, names sorted: what the signature covers. */
    Map<String, List<String>> byName() {
        Map<String, List<String>> all = new TreeMap<>();
        for (Field f : fields) {
            all.computeIfAbsent(f.name(), n -> new ArrayList<>()).add(f.value());
        }
        return all;
    }
}
