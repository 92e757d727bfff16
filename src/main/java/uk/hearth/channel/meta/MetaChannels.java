package uk.hearth.channel.meta;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The two Meta channels and their state, found by channel name or by the webhook's {@code object}. */
final class MetaChannels {
    private final MetaChannelStatus messenger;
    private final MetaChannelStatus instagram;

    MetaChannels(MetaProperties properties, Clock clock) {
        this.messenger = new MetaChannelStatus(MetaChannel.messenger(properties), clock);
        this.instagram = new MetaChannelStatus(MetaChannel.instagram(properties), clock);
    }

    MetaChannelStatus messenger() {
        return messenger;
    }

    MetaChannelStatus instagram() {
        return instagram;
    }

    List<MetaChannelStatus> all() {
        return List.of(messenger, instagram);
    }

    Optional<MetaChannelStatus> byName(String channel) {
        return all().stream().filter(s -> s.channel().id().value().equals(channel)).findFirst();
    }

    /** Channels whose token Meta rejected: the token check asks Meta about these only. */
    List<MetaChannelStatus> rejected() {
        return all().stream().filter(s -> s.channel().configured() && s.rejection().isPresent()).toList();
    }
}
