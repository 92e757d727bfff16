package uk.hearth.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * When the resident sent a message. Meta sends milliseconds since the epoch; payloads seen in the wild also carry
 * seconds, numeric strings and ISO times ({@code 2021-09-08T06:34:04+0000}). The item's timestamp wins, then the
 * entry's time, then now; a time far in the future is not believed.
 */
final class MetaTimes {
    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    /** Below this a number is seconds, not milliseconds (it would be before 1973 in milliseconds). */
    private static final long SECONDS_BELOW = 100_000_000_000L;
    /** Meta's clocks and ours agree to within minutes; a time far in the future is a bad value. */
    private static final Duration SKEW = Duration.ofMinutes(10);

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.UK);

    private MetaTimes() {
    }

    /** For people (and logs, where digit runs read as phone numbers and are masked): "29 Nov 2026 01:04 GMT". */
    static String human(Instant instant, ZoneId zone) {
        return HUMAN.format(instant.atZone(zone));
    }

    static Instant sentAt(JsonNode timestamp, JsonNode entryTime, Instant now) {
        Instant at = parse(timestamp);
        if (at == null) {
            at = parse(entryTime);
        }
        return at == null || at.isAfter(now.plus(SKEW)) ? now : at;
    }

    static Instant parse(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return epoch(value.asLong());
        }
        String text = value.asText().strip();
        if (text.matches("\\d{9,16}")) {
            return epoch(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text, OFFSET_WITHOUT_COLON).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static Instant epoch(long value) {
        return value < SECONDS_BELOW ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
    }
}
