package uk.hearth.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Meta fixtures in {@code fixtures/meta} and the envelopes Meta posts them in. The facebook-messenger gem's
 * files are bare messaging events and Chatwoot's Instagram factories define only {@code entry}: the tests wrap
 * them as Meta would send them, leaving the files as they are.
 */
public final class MetaFixtures {
    public static final ObjectMapper JSON = new ObjectMapper();
    static final String DIR = "fixtures/meta/";

    private MetaFixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = MetaFixtures.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + DIR + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String name) {
        try {
            return JSON.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every payload fixture (JSON files under the two fixture folders), as paths relative to fixtures/meta. */
    static List<String> payloads() {
        try {
            Path root = Path.of(MetaFixtures.class.getClassLoader().getResource(DIR).toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(p -> p.getParent() != null && !p.getParent().equals(root))
                        .filter(p -> p.toString().endsWith(".json"))
                        .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixture as the webhook post Meta would send: bare events wrapped, Chatwoot entries given their object. */
    public static ObjectNode post(String name) {
        JsonNode fixture = json(name);
        if (fixture.has("object")) {
            return (ObjectNode) fixture;
        }
        if (name.startsWith("chatwoot-instagram/")) {
            ObjectNode post = JSON.createObjectNode().put("object", "instagram");
            post.set("entry", fixture.path("entry"));
            return post;
        }
        return envelope("page", "1", fixture);
    }

    public static ObjectNode envelope(String object, String entryId, JsonNode... items) {
        ObjectNode post = JSON.createObjectNode().put("object", object);
        ObjectNode entry = post.putArray("entry").addObject().put("id", entryId).put("time", 1457764198246L);
        for (JsonNode item : items) {
            entry.withArray("messaging").add(item.deepCopy());
        }
        return post;
    }
}
