package uk.hearth.intake;

import java.util.Optional;
import java.util.Set;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Sender;

/**
 * Decides where a reply goes: the resident's preferred contact when we can reach them there, else the channel
 * the message came from, else email, else SMS; a letter or phone call staff must make when nothing automatic
 * fits. A channel the resident opted out of is never chosen.
 */
final class ReplyRouting {
    static final ChannelId LETTER = ChannelId.of("letter");
    static final ChannelId PHONE = ChannelId.of("phone");
    private static final ChannelId SMS = ChannelId.of("sms");

    private final ReplyChannels channels;
    private final OptOuts optOuts;

    ReplyRouting(ReplyChannels channels, OptOuts optOuts) {
        this.channels = channels;
        this.optOuts = optOuts;
    }

    static ReplyRouting of(IntakePorts ports) {
        return new ReplyRouting(ports.replyChannels(), ports.optOuts());
    }

    /** @param automatic false when staff must make the reply by hand on {@code channel} */
    record Target(ChannelId channel, String recipient, boolean automatic) {
    }

    Target choose(InboundMessage message) {
        return choose(message.sender(), message.preferredContact(), message.channel(), Set.of());
    }

    /** Another way to reach the contact than the channels in {@code excluded}. */
    Target alternative(Sender contact, ChannelId preferred, ChannelId origin, Set<ChannelId> excluded) {
        return choose(contact, preferred, origin, excluded);
    }

    private Target choose(Sender sender, ChannelId preferred, ChannelId origin, Set<ChannelId> excluded) {
        if (preferred != null && !excluded.contains(preferred)) {
            Optional<Target> target = automatic(preferred, sender, excluded);
            if (target.isPresent()) {
                return target.get();
            }
            if (!channels.canSend(preferred)) {
                return new Target(preferred, recipientFor(preferred, sender).orElse(null), false);
            }
        }
        return automatic(origin, sender, excluded)
                .or(() -> automatic(ChannelId.EMAIL, sender, excluded))
                .or(() -> automatic(SMS, sender, excluded))
                .orElseGet(() -> new Target(sender.hasPhone() ? PHONE : LETTER,
                        sender.hasPhone() ? sender.phone() : null, false));
    }

    private Optional<Target> automatic(ChannelId channel, Sender sender, Set<ChannelId> excluded) {
        if (excluded.contains(channel) || !channels.canSend(channel)) {
            return Optional.empty();
        }
        return recipientFor(channel, sender)
                .filter(recipient -> !optOuts.isOptedOut(channel, recipient))
                .map(recipient -> new Target(channel, recipient, true));
    }

    static Optional<String> recipientFor(ChannelId channel, Sender sender) {
        String value = switch (channel.value()) {
            case "email" -> sender.email();
            case "sms", "whatsapp", "phone" -> sender.phone();
            default -> sender.handle();
        };
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
