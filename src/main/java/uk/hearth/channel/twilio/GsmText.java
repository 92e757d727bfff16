package uk.hearth.channel.twilio;

/**
 * How many SMS segments a text takes. A text wholly in the GSM 03.38 alphabet goes as GSM-7 (160 characters, or 153
 * per segment when split; the extension characters such as € and [ count twice); anything else, a Welsh ŵ or an
 * emoji included, makes the whole text UCS-2 (70 characters, or 67 per segment when split).
 */
public final class GsmText {
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private GsmText() {
    }

    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
    }

    /** Length as the network counts it: GSM-7 septets, or UTF-16 code units for UCS-2. */
    public static int units(String text) {
        if (!isGsm7(text)) {
            return text.length();
        }
        return text.length() + (int) text.chars().filter(c -> EXTENSION.indexOf(c) >= 0).count();
    }

    public static int segments(String text) {
        int units = units(text);
        boolean gsm = isGsm7(text);
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        return units <= single ? 1 : (units + part - 1) / part;
    }
}
