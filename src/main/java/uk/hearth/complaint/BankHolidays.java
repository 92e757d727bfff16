package uk.hearth.complaint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads bank-holiday dates from a small CSV file that landlords maintain themselves, so a
 * new year's holidays (or a one-off extra day) can be added without a code release.
 *
 * <p>Format: one {@code yyyy-mm-dd,Name} per line; blank lines and {@code #} comments are
 * ignored, and an optional {@code date,name} header is allowed. Bad lines fail loudly rather
 * than being skipped, because a silently missing holiday would shift every deadline.
 */
public final class BankHolidays {

    private BankHolidays() {
    }

    public static Set<LocalDate> parse(Reader reader) throws IOException {
        Set<LocalDate> dates = new TreeSet<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        int lineNumber = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            String trimmed = strip(line, lineNumber);
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split(",", 2);
            String first = fields[0].trim();
            if (fields.length == 2 && first.equalsIgnoreCase("date")
                    && fields[1].trim().equalsIgnoreCase("name")) {
                continue;
            }
            if (fields.length != 2 || fields[1].trim().isEmpty()) {
                throw malformed(lineNumber, line, "expected yyyy-mm-dd,Name");
            }
            try {
                dates.add(LocalDate.parse(first));
            } catch (DateTimeParseException e) {
                throw malformed(lineNumber, line, "invalid date '" + first + "'");
            }
        }
        return Collections.unmodifiableSet(dates);
    }

    public static Set<LocalDate> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("Bank holiday file not found: " + file.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read bank holiday file " + file.toAbsolutePath(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static String strip(String line, int lineNumber) {
        // Tolerate a UTF-8 byte-order mark left by spreadsheet tools.
        return (lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).trim();
    }

    private static IllegalArgumentException malformed(int lineNumber, String line, String reason) {
        return new IllegalArgumentException(
                "Malformed bank holiday line " + lineNumber + " (" + reason + "): '" + line + "'");
    }
}
