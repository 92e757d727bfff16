package uk.hearth.channel.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The approved Content template WhatsApp allows outside the 24-hour customer-service window: its SID and its
 * variables, each written in configuration as Mustache over {@code reference}, {@code text} (the message we would
 * have sent, on one line), {@code landlord} and {@code formUrl}.
 */
final class WhatsAppTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).defaultValue("");
    /** WhatsApp refuses template values with line breaks, tabs or long runs of spaces, or over 1024 characters. */
    private static final int MAX_VALUE = 1000;

    private final String contentSid;
    private final Map<String, Template> variables = new TreeMap<>();

    WhatsAppTemplate(String contentSid, Map<String, String> variables) {
        this.contentSid = contentSid;
        variables.forEach((name, text) -> this.variables.put(name, COMPILER.compile(text)));
    }

    String contentSid() {
        return contentSid;
    }

    /** The {@code ContentVariables} JSON for one message. */
    String variables(String reference, String text, String landlord, String formUrl) {
        Map<String, Object> values = Map.of("reference", nz(reference), "text", oneLine(text),
                "landlord", nz(landlord), "formUrl", nz(formUrl));
        Map<String, String> rendered = new LinkedHashMap<>();
        variables.forEach((name, template) -> rendered.put(name, oneLine(template.execute(values))));
        try {
            return JSON.writeValueAsString(rendered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String oneLine(String text) {
        String flat = nz(text).replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_VALUE ? flat : flat.substring(0, MAX_VALUE - 1) + "…";
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
