package uk.hearth.infrastructure;

import java.util.regex.Pattern;

/** Masks email addresses and phone numbers in text bound for logs, which must hold no personal data. */
public final class Redaction {
    /*
     * Each run of address characters is tried once, from its start, and never backtracked into: a stack trace is
     * mostly such runs ("org.springframework.mail.MailSendException"), and trying every position of each was
     * quadratic in its length - a tenth of the service's CPU while an SMTP outage filled the log.
     */
    private static final Pattern EMAIL =
            Pattern.compile("(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*+@([A-Za-z0-9.-]+)");
    private static final Pattern PHONE = Pattern.compile("(?<![\\d+])\\+?\\d[\\d ()-]{7,}(\\d{2})");

    private Redaction() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = EMAIL.matcher(text).replaceAll("$1***@$2");
        return PHONE.matcher(masked).replaceAll("***$1");
    }
}
