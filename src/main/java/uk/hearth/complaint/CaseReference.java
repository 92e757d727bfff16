package uk.hearth.complaint;

import java.util.Objects;
import java.util.regex.Pattern;

/** A case's reference, short enough for an SMS: {@code HRT-2026-000123}. */
public record CaseReference(String value) {
    public static final Pattern FORMAT = Pattern.compile("[A-Z]{2,5}-\\d{4}-\\d{6,}");

    public CaseReference {
        Objects.requireNonNull(value, "reference");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a case reference: " + value);
        }
    }

    public static CaseReference of(String prefix, int year, long number) {
        return new CaseReference(String.format("%s-%04d-%06d", prefix, year, number));
    }

    @Override
    public String toString() {
        return value;
    }
}
