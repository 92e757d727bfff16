package uk.hearth.channel.email;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes text in whatever charset a mail claims, including the names real mailers use that Java does not know
 * (ks_c_5601-1987, unicode-1-1-utf-7, "NONE"). Text that is not what it claims to be is read as UTF-8 when it is
 * valid UTF-8, else as Windows-1252, so a resident's words never become an exception.
 */
final class MailCharsets {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Map<String, String> ALIASES = Map.of(
            "ks_c_5601-1987", "x-windows-949",
            "ks_c_5601", "x-windows-949",
            "gb2312", "GBK",
            "iso-8859-8-i", "ISO-8859-8",
            "unicode-1-1-utf-8", "UTF-8",
            "utf8", "UTF-8",
            "us-ascii", "windows-1252",
            "ascii", "windows-1252",
            "iso-8859-1", "windows-1252",
            "latin1", "windows-1252");

    private MailCharsets() {
    }

    /** The charset a name stands for, or null when neither Java nor our alias list knows it. */
    static Charset resolve(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String key = name.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        String alias = ALIASES.get(key);
        try {
            return Charset.forName(alias != null ? alias : key);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    static boolean isUtf7(String name) {
        if (name == null) {
            return false;
        }
        String key = name.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        return key.equals("utf-7") || key.equals("unicode-1-1-utf-7") || key.equals("x-utf-7");
    }

    /**
     * Bytes as text. A declared charset is honoured when the bytes decode cleanly in it; US-ASCII and ISO-8859-1
     * are read as Windows-1252 (what senders mean by them); undeclared, unknown or wrong charsets fall back to
     * UTF-8 when the bytes are valid UTF-8, else Windows-1252.
     */
    static String decode(byte[] bytes, String declared) {
        if (isUtf7(declared)) {
            return Utf7.decode(new String(bytes, StandardCharsets.US_ASCII));
        }
        Charset charset = resolve(declared);
        if (charset != null && !charset.equals(WINDOWS_1252)) {
            String strict = strict(bytes, charset);
            if (strict != null) {
                return strict;
            }
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        return new String(bytes, charset != null ? charset : WINDOWS_1252);
    }

    /** A header Jakarta Mail read byte-for-char (ISO-8859-1): raw UTF-8 (RFC 6532) or an 8-bit legacy charset. */
    static String fixRawHeader(String value) {
        if (value == null) {
            return null;
        }
        boolean eightBit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            if (c >= 0x80) {
                eightBit = true;
            }
        }
        return eightBit ? decode(value.getBytes(StandardCharsets.ISO_8859_1), null) : value;
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** RFC 2152 UTF-7, which the JDK lacks and Hotmail still sends: "+" starts modified base64 of UTF-16. */
    static final class Utf7 {
        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        private Utf7() {
        }

        static String decode(String in) {
            StringBuilder out = new StringBuilder(in.length());
            int i = 0;
            while (i < in.length()) {
                char c = in.charAt(i);
                if (c != '+') {
                    out.append(c);
                    i++;
                    continue;
                }
                int start = ++i;
                while (i < in.length() && ALPHABET.indexOf(in.charAt(i)) >= 0) {
                    i++;
                }
                if (i == start) {
                    out.append('+');
                } else {
                    appendUtf16(out, in.substring(start, i));
                }
                if (i < in.length() && in.charAt(i) == '-') {
                    i++;
                }
            }
            return out.toString();
        }

        private static void appendUtf16(StringBuilder out, String base64) {
            int bits = 0;
            int buffer = 0;
            int high = -1;
            for (int k = 0; k < base64.length(); k++) {
                buffer = (buffer << 6) | ALPHABET.indexOf(base64.charAt(k));
                bits += 6;
                if (bits >= 16) {
                    bits -= 16;
                    int unit = (buffer >> bits) & 0xFFFF;
                    out.append((char) unit);
                    high = unit;
                }
            }
            if (high < 0) {
                out.append('+').append(base64);
            }
        }
    }
}
