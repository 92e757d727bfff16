package uk.hearth.channel.email;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.hearth.message.Attachment;

/**
 * Reads a raw RFC 5322 message the way it was meant, not the way it was written: multipart/alternative prefers
 * text/plain and falls back to HTML reduced to text; broken boundaries, unknown charsets and transfer encodings,
 * malformed base64 and 8-bit headers are worked around and noted in {@link ParsedEmail#problems()}. Only a
 * message whose header block cannot be read at all throws.
 */
final class MimeReader {
    private static final Session SESSION = Session.getInstance(lenient());
    private static final Pattern BASE_TYPE = Pattern.compile("^\\s*([A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+)");
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+@[^<>\\s]+|[^<>\\s]+)>");
    private static final int MAX_DEPTH = 12;

    private final long attachmentLimit;

    /** @param attachmentLimit bytes: larger files are listed with their size but not kept */
    MimeReader(long attachmentLimit) {
        this.attachmentLimit = attachmentLimit;
    }

    private static Properties lenient() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.allowutf8", "false");
        return p;
    }

    ParsedEmail read(byte[] raw, Instant arrived) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        Collector c = new Collector();
        String text = body(message, c, 0);
        Map<String, List<String>> headers = headers(message);
        String from = first(headers, "from");
        if (from == null) {
            from = first(headers, "sender");
        }
        String[] sender = sender(from, c);
        String contentType = contentType(message);
        return new ParsedEmail(messageId(first(headers, "message-id")), sender[0], sender[1],
                EncodedWords.decode(first(headers, "subject")), date(first(headers, "date"), arrived),
                ids(all(headers, "in-reply-to")), ids(all(headers, "references")), text.strip(), c.fromHtml,
                c.attachments, headers, baseType(contentType), param(contentType, "report-type"),
                List.copyOf(c.originalIds), c.deliveryStatus.toString(), bodyHash(raw), List.copyOf(c.problems));
    }

    /** Collects files, report contents and problems while the body is read. */
    private final class Collector {
        final List<Attachment> attachments = new ArrayList<>();
        final List<String> originalIds = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final StringBuilder deliveryStatus = new StringBuilder();
        boolean fromHtml;

        void attach(Part part, String type) {
            String name = fileName(part);
            if (name == null || name.isBlank()) {
                name = "attachment-" + (attachments.size() + 1) + extension(type);
            }
            byte[] bytes = decoded(part, this);
            if (bytes.length > attachmentLimit) {
                attachments.add(Attachment.notKept(name, type, bytes.length, "larger than the limit of "
                        + attachmentLimit + " bytes: not kept, ask the resident for it another way"));
            } else {
                attachments.add(Attachment.kept(name, type, bytes));
            }
        }
    }

    // --- the body ------------------------------------------------------------------------------

    private String body(Part part, Collector c, int depth) {
        String contentType = contentType(part);
        String type = baseType(contentType);
        if (depth > MAX_DEPTH) {
            c.problems.add("parts nested deeper than " + MAX_DEPTH + " levels were skipped");
            return "";
        }
        if (isAttachment(part, type)) {
            c.attach(part, type);
            return "";
        }
        if (type.startsWith("multipart/")) {
            List<BodyPart> children = children(part, contentType, c);
            return switch (type) {
                case "multipart/alternative" -> alternative(children, c, depth);
                case "multipart/report" -> report(children, c, depth);
                default -> joined(children, c, depth);
            };
        }
        if (type.equals("text/html")) {
            c.fromHtml = true;
            return HtmlText.withoutQuotes(text(part, contentType, c));
        }
        return text(part, contentType, c);
    }

    private String alternative(List<BodyPart> children, Collector c, int depth) {
        for (String wanted : List.of("text/plain", "multipart/", "text/html")) {
            for (int i = children.size() - 1; i >= 0; i--) {
                BodyPart child = children.get(i);
                String type = baseType(contentType(child));
                if (type.startsWith(wanted) && !isAttachment(child, type)) {
                    boolean html = c.fromHtml;
                    String text = body(child, c, depth + 1);
                    if (!text.isBlank()) {
                        return text;
                    }
                    c.fromHtml = html;
                }
            }
        }
        return "";
    }

    /** A DSN or read receipt: the human-readable part is the text; the returned headers name our message. */
    private String report(List<BodyPart> children, Collector c, int depth) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < children.size(); i++) {
            BodyPart child = children.get(i);
            String type = baseType(contentType(child));
            if (i == 0 || type.equals("text/plain") && !isAttachment(child, type)) {
                text.append(body(child, c, depth + 1)).append('\n');
            } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
                c.deliveryStatus.append(MailCharsets.decode(decoded(child, c), "UTF-8")).append('\n');
            } else if (type.equals("message/rfc822") || type.equals("text/rfc822-headers")
                    || type.equals("message/rfc822-headers")) {
                originalIds(decoded(child, c), c);
            }
        }
        return text.toString();
    }

    private String joined(List<BodyPart> children, Collector c, int depth) {
        StringBuilder text = new StringBuilder();
        for (BodyPart child : children) {
            String part = body(child, c, depth + 1);
            if (!part.isBlank()) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(part.strip());
            }
        }
        return text.toString();
    }

    private List<BodyPart> children(Part part, String contentType, Collector c) {
        try {
            Multipart multipart = new MimeMultipart(new ByteArrayDataSource(rawContent(part), contentType));
            List<BodyPart> children = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                children.add(multipart.getBodyPart(i));
            }
            return children;
        } catch (MessagingException | IOException | RuntimeException e) {
            c.problems.add("a multipart section could not be split (" + e.getMessage() + "): read as text");
            try {
                MimeBodyPart whole = new MimeBodyPart();
                whole.setContent(new String(rawContent(part), StandardCharsets.ISO_8859_1), "text/plain");
                whole.setHeader("Content-Type", "text/plain");
                return List.of(whole);
            } catch (MessagingException | IOException again) {
                return List.of();
            }
        }
    }

    private static boolean isAttachment(Part part, String type) {
        if (type.startsWith("multipart/")) {
            return false;
        }
        String disposition = header(part, "Content-Disposition");
        boolean attachment = disposition != null && disposition.strip().toLowerCase(Locale.ROOT).startsWith("attachment");
        boolean text = type.equals("text/plain") || type.equals("text/html");
        return !text || attachment;
    }

    private String text(Part part, String contentType, Collector c) {
        byte[] bytes = decoded(part, c);
        String charset = param(contentType, "charset");
        if (charset != null && MailCharsets.resolve(charset) == null && !MailCharsets.isUtf7(charset)) {
            c.problems.add("unknown charset '" + charset + "': read as UTF-8 or Windows-1252");
        }
        return MailCharsets.decode(bytes, charset).replace("\r\n", "\n").replace('\r', '\n');
    }

    // --- bytes --------------------------------------------------------------------------------

    private static byte[] rawContent(Part part) throws MessagingException, IOException {
        if (part instanceof MimeBodyPart body) {
            try (InputStream in = body.getRawInputStream()) {
                return in.readAllBytes();
            }
        }
        if (part instanceof MimeMessage message) {
            try (InputStream in = message.getRawInputStream()) {
                return in.readAllBytes();
            }
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The part's content with its transfer encoding undone, leniently ("quoted printable", broken base64). */
    private static byte[] decoded(Part part, Collector c) {
        byte[] raw;
        try {
            raw = rawContent(part);
        } catch (MessagingException | IOException e) {
            c.problems.add("a part could not be read: " + e.getMessage());
            return new byte[0];
        }
        String encoding = header(part, "Content-Transfer-Encoding");
        String cte = encoding == null ? "7bit"
                : encoding.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        switch (cte) {
            case "base64":
                try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), "base64")) {
                    return in.readAllBytes();
                } catch (IOException | MessagingException | RuntimeException e) {
                    c.problems.add("malformed base64 decoded leniently");
                    return EncodedWords.base64(new String(raw, StandardCharsets.US_ASCII));
                }
            case "quotedprintable":
                try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), "quoted-printable")) {
                    return in.readAllBytes();
                } catch (IOException | MessagingException | RuntimeException e) {
                    c.problems.add("malformed quoted-printable kept as sent");
                    return raw;
                }
            case "7bit", "8bit", "binary":
                return raw;
            default:
                c.problems.add("unknown transfer encoding '" + encoding.strip() + "': kept as sent");
                return raw;
        }
    }

    private void originalIds(byte[] headers, Collector c) {
        try {
            MimeMessage original = new MimeMessage(SESSION, new ByteArrayInputStream(headers));
            String id = messageId(original.getHeader("Message-ID", null));
            if (id != null) {
                c.originalIds.add(id);
            }
        } catch (MessagingException | RuntimeException e) {
            c.problems.add("the returned message's headers could not be read");
        }
    }

    private static String bodyHash(byte[] raw) {
        int start = 0;
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n')) {
                start = i + 1;
                break;
            }
        }
        String body = new String(raw, start, raw.length - start, StandardCharsets.ISO_8859_1)
                .replace("\r", "").strip();
        return sha256(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- headers ------------------------------------------------------------------------------

    private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header h = all.nextElement();
            headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(h.getValue() == null ? "" : h.getValue());
        }
        headers.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(headers);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String all(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? null : String.join(" ", values);
    }

    private static String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String contentType(Part part) {
        String value = header(part, "Content-Type");
        return value == null ? "text/plain" : value.replaceAll("\\r?\\n[ \\t]*", " ");
    }

    static String baseType(String contentType) {
        Matcher m = BASE_TYPE.matcher(contentType == null ? "" : contentType);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "text/plain";
    }

    static String param(String headerValue, String name) {
        if (headerValue == null) {
            return null;
        }
        int semicolon = headerValue.indexOf(';');
        if (semicolon >= 0) {
            try {
                String value = new ParameterList(headerValue.substring(semicolon)).get(name);
                if (value != null && !value.isBlank()) {
                    return value.strip();
                }
            } catch (MessagingException | RuntimeException ignored) {
                // falls through to the forgiving reading below
            }
        }
        Matcher m = Pattern.compile("(?i)(?:^|[;\\s])" + Pattern.quote(name) + "\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)")
                .matcher(headerValue);
        if (!m.find()) {
            return null;
        }
        String value = m.group(2) != null ? m.group(2) : m.group(1);
        return value.isBlank() ? null : value.strip();
    }

    private static String fileName(Part part) {
        String name = param(header(part, "Content-Disposition"), "filename");
        if (name == null) {
            name = param(header(part, "Content-Type"), "name");
        }
        return name == null ? null : EncodedWords.decode(name);
    }

    static String messageId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = MESSAGE_ID.matcher(value);
        if (m.find()) {
            return "<" + m.group(1) + ">";
        }
        String bare = value.strip();
        return bare.contains(" ") ? null : "<" + bare + ">";
    }

    private static List<String> ids(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(value);
        while (m.find()) {
            String id = "<" + m.group(1) + ">";
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    private static String[] sender(String from, Collector c) {
        if (from == null || from.isBlank()) {
            return new String[] {null, null};
        }
        String value = MailCharsets.fixRawHeader(from);
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(value, false);
            if (addresses.length > 0 && addresses[0].getAddress() != null && addresses[0].getAddress().contains("@")) {
                if (addresses.length > 1) {
                    c.problems.add("From names " + addresses.length + " mailboxes: the first is the sender");
                }
                String personal = addresses[0].getPersonal();
                return new String[] {personal == null ? null : EncodedWords.decode(personal),
                        addresses[0].getAddress().strip().toLowerCase(Locale.ROOT)};
            }
        } catch (jakarta.mail.internet.AddressException | RuntimeException e) {
            c.problems.add("From could not be parsed strictly: " + e.getMessage());
        }
        Matcher m = Pattern.compile("([^\\s<>\"',;]+@[^\\s<>\"',;]+)").matcher(value);
        if (m.find()) {
            String name = value.substring(0, m.start()).replaceAll("[<\"]", "").strip();
            return new String[] {name.isEmpty() ? null : EncodedWords.decode(name), m.group(1).toLowerCase(Locale.ROOT)};
        }
        return new String[] {EncodedWords.decode(value), null};
    }

    private static Instant date(String value, Instant arrived) {
        if (value != null) {
            try {
                java.util.Date date = new MailDateFormat().parse(value.strip());
                if (date != null) {
                    return date.toInstant();
                }
            } catch (java.text.ParseException | RuntimeException ignored) {
                // an unreadable Date: the server's arrival time is the better clock anyway
            }
        }
        return arrived;
    }

    private static String extension(String type) {
        return switch (type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "application/pdf" -> ".pdf";
            case "message/rfc822" -> ".eml";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            default -> ".bin";
        };
    }
}
