package uk.hearth.channel.meta;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.hearth.message.ChannelId;

/**
 * Meta's standard messaging window: a page (or Instagram account) may send automated messages to a person only
 * within 24 hours of that person's last message to it. The last message is the newest one in our inbox from that
 * handle on that channel (deleted and withdrawn ones do not reopen the window). The {@code HUMAN_AGENT} tag, which
 * stretches the window to 7 days, is for replies a person writes and is never used for automated ones.
 */
final class MetaMessagingWindow {
    private final JdbcClient jdbc;
    private final Duration window;
    private final ZoneId zone;

    MetaMessagingWindow(JdbcClient jdbc, Duration window, ZoneId zone) {
        this.jdbc = jdbc;
        this.window = window;
        this.zone = zone;
    }

    Optional<Instant> lastMessage(ChannelId channel, String handle) {
        return jdbc.sql("""
                        select max(received_at) from inbound_message
                        where channel = ? and sender_handle = ? and notice is null""")
                .params(channel.value(), handle).query(OffsetDateTime.class).optional()
                .map(OffsetDateTime::toInstant);
    }

    /** @return why the window is closed at {@code now}, or empty when it is open */
    Optional<String> closed(ChannelId channel, String handle, Instant now) {
        return closed(lastMessage(channel, handle), now, window, zone);
    }

    static Optional<String> closed(Optional<Instant> last, Instant now, Duration window, ZoneId zone) {
        if (last.isEmpty()) {
            return Optional.of("the resident has never written to us here, so Meta's messaging window is not open:"
                    + " reach them another way");
        }
        Instant closes = last.get().plus(window);
        if (now.isBefore(closes)) {
            return Optional.empty();
        }
        return Optional.of("Meta's " + window.toHours() + "-hour messaging window closed at "
                + MetaTimes.human(closes, zone) + " (their last message was at " + MetaTimes.human(last.get(), zone)
                + "): reach the resident another way");
    }
}
