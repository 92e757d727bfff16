package uk.hearth.channel.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words ({@code =?UTF-8?B?...?=}) in subjects, names and file names, decoded leniently: unknown
 * charsets, missing padding, words glued to text and raw 8-bit bytes all come out as readable text.
 */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");

    private EncodedWords() {
    }

    static String decode(String header) {
        if (header == null) {
            return null;
        }
        String unfolded = MailCharsets.fixRawHeader(header).replaceAll("\\r?\\n[ \\t]", " ");
        // Whitespace between two encoded words is folding, not text (RFC 2047 section 6.2).
        String joined = BETWEEN_WORDS.matcher(unfolded).replaceAll("$1$2");
        Matcher m = WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(joined, last, m.start());
            out.append(word(m.group(1), m.group(2), m.group(3)));
            last = m.end();
        }
        out.append(joined.substring(last));
        return out.toString().strip();
    }

    private static String word(String charset, String encoding, String text) {
        String name = charset.contains("*") ? charset.substring(0, charset.indexOf('*')) : charset;
        byte[] bytes = "B".equalsIgnoreCase(encoding) ? base64(text) : q(text);
        return MailCharsets.decode(bytes, name);
    }

    /** Base64 that tolerates missing or extra padding and stray characters. */
    static byte[] base64(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9+/]", "");
        int whole = clean.length() - clean.length() % 4;
        String rest = clean.substring(whole);
        String padded = clean.substring(0, whole) + switch (rest.length()) {
            case 2 -> rest + "==";
            case 3 -> rest + "=";
            default -> "";
        };
        return java.util.Base64.getDecoder().decode(padded);
    }

    private static byte[] q(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && isHex(text, i + 1) && isHex(text, i + 2)) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(raw, 0, raw.length);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
