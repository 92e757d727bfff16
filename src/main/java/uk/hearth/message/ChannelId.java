package uk.hearth.message;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A channel's name: a value, not an enum, so that adding a channel adds no constant here.
 * Replies reach a channel by convention on {@code direct:reply-<value>}.
 */
public record ChannelId(String value) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public static final ChannelId WEB = new ChannelId("web");
    public static final ChannelId STAFF = new ChannelId("staff");
    public static final ChannelId API = new ChannelId("api");
    public static final ChannelId EMAIL = new ChannelId("email");

    public ChannelId {
        Objects.requireNonNull(value, "channel");
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("channel name '" + value
                    + "' must be lower-case letters, digits and dashes, starting with a letter");
        }
    }

    public static ChannelId of(String value) {
        return new ChannelId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
