package uk.hearth.web.consent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import uk.hearth.infrastructure.PhoneNumbers;
import uk.hearth.intake.consent.Tenancy;
import uk.hearth.message.ChannelId;

/**
 * Reads a tenancy import (CSV with a header row, or JSON rows as maps) and checks every row, so staff get one
 * report of every rejected row and nothing is half-imported.
 */
final class TenancyImport {
    static final List<String> COLUMNS = List.of("reference", "name", "address", "phone", "email", "preferred_contact",
            "language");
    private static final Set<String> CONTACTS = Set.of("email", "sms", "whatsapp", "phone", "letter");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** @param row 1 for the first data row (CSV: the line after the header) */
    record Rejected(int row, String reference, List<String> errors) {
    }

    record Result(List<Tenancy> accepted, List<Rejected> rejected) {
        boolean clean() {
            return rejected.isEmpty();
        }
    }

    private TenancyImport() {
    }

    static Result fromCsv(String csv) {
        List<List<String>> lines = Csv.parse(csv);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the CSV is empty: expected a header row " + String.join(",", COLUMNS));
        }
        List<String> header = lines.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = COLUMNS.subList(0, 3).stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the CSV header lacks " + String.join(", ", missing) + "; expected "
                    + String.join(",", COLUMNS));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            if (line.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < line.size() ? line.get(i) : "");
            }
            if (line.size() > header.size()) {
                row.put("#extra", String.valueOf(line.size() - header.size()));
            }
            rows.add(row);
        }
        return check(rows);
    }

    static Result check(List<Map<String, String>> rows) {
        List<Tenancy> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            List<String> errors = new ArrayList<>();
            String reference = value(row, "reference");
            String name = value(row, "name");
            String address = value(row, "address");
            String phone = value(row, "phone");
            String email = value(row, "email");
            String preferred = value(row, "preferred_contact");
            String language = value(row, "language");
            if (row.containsKey("#extra")) {
                errors.add("has " + row.get("#extra") + " more fields than the header");
            }
            if (reference == null) {
                errors.add("reference is missing");
            } else if (reference.length() > 60) {
                errors.add("reference is longer than 60 characters");
            } else if (!seen.add(reference.toUpperCase(Locale.ROOT))) {
                errors.add("reference " + reference + " appears twice in this import");
            }
            if (name == null) {
                errors.add("name is missing");
            }
            if (address == null) {
                errors.add("address is missing");
            } else if (Tenancy.postcodeIn(address).isEmpty()) {
                errors.add("address has no UK postcode");
            }
            String e164 = null;
            if (phone != null) {
                e164 = PhoneNumbers.e164(phone).orElse(null);
                if (e164 == null) {
                    errors.add("phone '" + phone + "' is not a phone number");
                }
            }
            if (email != null && !EMAIL.matcher(email).matches()) {
                errors.add("email '" + email + "' is not an email address");
            }
            if (preferred != null && !CONTACTS.contains(preferred.toLowerCase(Locale.ROOT))) {
                errors.add("preferred_contact must be one of email, sms, whatsapp, phone, letter");
            } else if (preferred != null && Set.of("email").contains(preferred) && email == null) {
                errors.add("preferred_contact is email but there is no email");
            } else if (preferred != null && Set.of("sms", "whatsapp", "phone").contains(preferred) && phone == null) {
                errors.add("preferred_contact is " + preferred + " but there is no phone");
            }
            if (language != null && !Set.of("en", "cy").contains(language.toLowerCase(Locale.ROOT))) {
                errors.add("language must be en or cy");
            }
            if (errors.isEmpty()) {
                accepted.add(new Tenancy(reference, name, address, e164, email,
                        preferred == null ? null : ChannelId.of(preferred.toLowerCase(Locale.ROOT)),
                        language == null ? "en" : language.toLowerCase(Locale.ROOT)));
            } else {
                rejected.add(new Rejected(i + 1, reference, errors));
            }
        }
        return new Result(accepted, rejected);
    }

    private static String value(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** RFC 4180: commas, double quotes around fields, doubled quotes inside them, CRLF or LF. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> parse(String text) {
            List<List<String>> lines = new ArrayList<>();
            List<String> line = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    line.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    line.add(field.toString());
                    field.setLength(0);
                    lines.add(line);
                    line = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                throw new IllegalArgumentException("the CSV ends inside a quoted field");
            }
            if (field.length() > 0 || !line.isEmpty()) {
                line.add(field.toString());
                lines.add(line);
            }
            return lines;
        }
    }
}
