package uk.hearth.channel.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import uk.hearth.channel.spi.InboundEvent;
import uk.hearth.channel.spi.InboundMapper;
import uk.hearth.channel.spi.ProviderRequest;
import uk.hearth.channel.spi.ReplyMapper;
import uk.hearth.channel.spi.RequestVerifier;
import uk.hearth.infrastructure.PhoneNumbers;
import uk.hearth.message.OutboundReply;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Sender;

/**
 * One configured webhook channel, checked when the service starts: every problem names the setting to fix.
 * Messages in one provider thread share a thread id, so they continue one case.
 */
final class WebhookChannel implements RequestVerifier, InboundMapper<ProviderRequest>, ReplyMapper<ProviderRequest> {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> FIELDS = Set.of("external-id", "text", "subject", "sender-name", "sender-email",
            "sender-phone", "sender-handle", "thread", "language", "received-at");
    private static final Mustache.Compiler JSON_TEMPLATES = Mustache.compiler()
            .withEscaper(Escapers.simple(new String[][] {{"\\", "\\\\"}, {"\"", "\\\""}, {"\n", "\\n"}, {"\r", "\\r"},
                    {"\t", "\\t"}, {"\u2028", "\\u2028"}, {"\u2029", "\\u2029"}}))
            .nullValue("");

    private final ChannelId id;
    private final String algorithm;
    private final SecretKeySpec key;
    private final String header;
    private final String prefix;
    private final boolean base64;
    private final Map<String, JsonPath> fields;
    private final URI replyUrl;
    private final Map<String, String> replyHeaders;
    private final Template replyBody;
    private final JsonPath providerId;

    private WebhookChannel(ChannelId id, WebhookSettings s, Map<String, JsonPath> fields, Template replyBody,
                           JsonPath providerId) {
        this.id = id;
        this.algorithm = s.signature().algorithm() == null ? "HmacSHA256" : s.signature().algorithm();
        this.key = new SecretKeySpec(s.signature().secret().getBytes(StandardCharsets.UTF_8), algorithm);
        this.header = s.signature().header();
        this.prefix = s.signature().prefix() == null ? "" : s.signature().prefix();
        this.base64 = "base64".equalsIgnoreCase(s.signature().encoding());
        this.fields = fields;
        this.replyUrl = URI.create(s.reply().url());
        this.replyHeaders = s.reply().headers() == null ? Map.of() : Map.copyOf(s.reply().headers());
        this.replyBody = replyBody;
        this.providerId = providerId;
    }

    /** @throws IllegalStateException listing every setting that is missing or wrong */
    static WebhookChannel configure(String name, WebhookSettings s) {
        String at = "hearth.channels." + name + ".webhook";
        List<String> problems = new ArrayList<>();
        ChannelId id = null;
        try {
            id = ChannelId.of(name);
        } catch (IllegalArgumentException e) {
            problems.add("hearth.channels." + name + ": " + e.getMessage());
        }
        WebhookSettings.Signature signature = s.signature();
        if (signature == null || blank(signature.secret())) {
            problems.add(at + ".signature.secret is missing: set it (from the environment) to the provider's shared"
                    + " secret");
        }
        if (signature == null || blank(signature.header())) {
            problems.add(at + ".signature.header is missing: the request header that carries the signature");
        }
        if (signature != null && signature.encoding() != null
                && !Set.of("hex", "base64").contains(signature.encoding().toLowerCase(Locale.ROOT))) {
            problems.add(at + ".signature.encoding must be hex or base64");
        }
        if (signature != null && !blank(signature.secret())) {
            try {
                Mac.getInstance(signature.algorithm() == null ? "HmacSHA256" : signature.algorithm());
            } catch (GeneralSecurityException e) {
                problems.add(at + ".signature.algorithm '" + signature.algorithm() + "' is not a MAC this Java has"
                        + " (try HmacSHA256)");
            }
        }
        Map<String, JsonPath> paths = new LinkedHashMap<>();
        Map<String, String> configured = s.fields() == null ? Map.of() : s.fields();
        configured.forEach((field, path) -> {
            if (!FIELDS.contains(field)) {
                problems.add(at + ".fields." + field + " is not a field this channel knows; use "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
                return;
            }
            try {
                paths.put(field, JsonPath.parse(path));
            } catch (IllegalArgumentException e) {
                problems.add(at + ".fields." + field + ": " + e.getMessage());
            }
        });
        for (String required : List.of("external-id", "text")) {
            if (!configured.containsKey(required)) {
                problems.add(at + ".fields." + required + " is missing: the JSON path to the message's " + required);
            }
        }
        Template body = null;
        JsonPath providerId = null;
        WebhookSettings.Reply reply = s.reply();
        if (reply == null || blank(reply.url())) {
            problems.add(at + ".reply.url is missing: where acknowledgements are posted back");
        } else {
            try {
                URI url = URI.create(reply.url());
                if (!Set.of("http", "https").contains(String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT))) {
                    problems.add(at + ".reply.url must be an http or https address");
                }
            } catch (IllegalArgumentException e) {
                problems.add(at + ".reply.url is not an address: " + e.getMessage());
            }
        }
        if (reply == null || blank(reply.body())) {
            problems.add(at + ".reply.body is missing: the JSON template of a reply");
        } else {
            try {
                body = JSON_TEMPLATES.compile(reply.body());
            } catch (MustacheException e) {
                problems.add(at + ".reply.body is not a valid template: " + e.getMessage());
            }
        }
        if (reply != null && !blank(reply.providerId())) {
            try {
                providerId = JsonPath.parse(reply.providerId());
            } catch (IllegalArgumentException e) {
                problems.add(at + ".reply.provider-id: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("channel " + name + " is not configured correctly:\n  - "
                    + String.join("\n  - ", problems));
        }
        return new WebhookChannel(id, s, Map.copyOf(paths), body, providerId);
    }

    ChannelId id() {
        return id;
    }

    String signatureHeader() {
        return header;
    }

    /** True when the signature header carries the HMAC of the body; compared in constant time. */
    @Override
    public boolean verify(ProviderRequest request) {
        return verify(request.body(), request.header(header));
    }

    private boolean verify(byte[] body, String presented) {
        if (presented == null || !presented.startsWith(prefix)) {
            return false;
        }
        String value = presented.substring(prefix.length()).strip();
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = (base64 ? value : value.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** The signature of {@code body}, without the prefix, as this channel writes it. */
    String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(key);
            byte[] digest = mac.doFinal(body);
            return base64 ? Base64.getEncoder().encodeToString(digest) : HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + algorithm, e);
        }
    }

    String signatureValue(byte[] body) {
        return prefix + sign(body);
    }

    /** @throws IllegalArgumentException when the body is not JSON, or naming the JSON path that is missing */
    @Override
    public List<InboundEvent> map(ProviderRequest request, Instant receivedAt) {
        JsonNode json;
        try {
            json = JSON.readTree(request.body());
        } catch (IOException e) {
            throw new IllegalArgumentException("The body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("The body is not a JSON object");
        }
        return InboundEvent.message(message(json, request.bodyText(), receivedAt));
    }

    private InboundMessage message(JsonNode json, String raw, Instant now) {
        String externalId = required(json, "external-id");
        String text = required(json, "text");
        Instant received = field(json, "received-at").map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(fields.get("received-at") + " is not a time such as"
                        + " 2026-11-20T18:30:00Z");
            }
        }).orElse(now);
        Optional<String> thread = field(json, "thread").map(t -> threadId(t));
        String phone = field(json, "sender-phone").map(p -> PhoneNumbers.e164(p).orElse(p)).orElse(null);
        InboundMessage.Builder message = InboundMessage.builder(id, externalId, text, received)
                .source(id.value())
                .sender(new Sender(field(json, "sender-name").orElse(null), field(json, "sender-email").orElse(null),
                        phone, field(json, "sender-handle").orElse(null)))
                .subject(field(json, "subject").orElse(null))
                .language(field(json, "language").orElse(null))
                .raw(raw);
        thread.ifPresent(t -> message.inReplyTo(List.of(t)).details(Map.of(InboundMessage.MESSAGE_ID, t)));
        return message.build();
    }

    /** The provider's thread id as the core keeps it: the messages of one thread name the same id. */
    String threadId(String thread) {
        return id.value() + "-thread:" + thread;
    }

    /** The provider's own thread id from the core's, or null when a reply answers no thread of this channel. */
    String providerThread(String messageId) {
        String prefix = id.value() + "-thread:";
        return messageId != null && messageId.startsWith(prefix) ? messageId.substring(prefix.length()) : null;
    }

    /** The provider's request for a reply: the body from the template, the configured headers, and our signature. */
    @Override
    public ProviderRequest map(OutboundReply reply, String replyId) {
        Map<String, Object> values = new HashMap<>();
        values.put("recipient", reply.recipient());
        values.put("subject", reply.subject());
        values.put("text", reply.body());
        values.put("thread", providerThread(reply.inReplyTo()));
        values.put("outboundId", replyId);
        byte[] body = replyBody.execute(values).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(replyHeaders);
        headers.put("Content-Type", "application/json");
        headers.put(header, signatureValue(body));
        return new ProviderRequest(replyUrl.toString(), headers, body);
    }

    Optional<String> providerId(JsonNode answer) {
        return providerId == null ? Optional.empty() : providerId.text(answer);
    }

    private String required(JsonNode json, String field) {
        return field(json, field).orElseThrow(() -> new IllegalArgumentException("the body has no " + field + " at "
                + fields.get(field)));
    }

    private Optional<String> field(JsonNode json, String field) {
        JsonPath path = fields.get(field);
        return path == null ? Optional.empty() : path.text(json);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
