package uk.hearth.infrastructure;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;

/**
 * Phone numbers in one form, E.164, however residents write them (07700 900123, +44 7700 900123, 447700900123),
 * so the same person is recognised across the form, the API, SMS and the tenancy register.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** E.164 (UK numbers assumed when no country code is given); empty when it is not a possible number. */
    public static Optional<String> e164(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String value = written.strip();
        if (value.matches("44\\d{9,10}")) {
            value = "+" + value;
        }
        try {
            var number = PHONES.parse(value, "GB");
            return PHONES.isPossibleNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
