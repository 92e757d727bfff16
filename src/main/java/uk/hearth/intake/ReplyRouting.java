package uk.hearth.intake;

import java.util.Optional;
import uk.hearth.message.ChannelId;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Sender;

/**
 * Decides where the acknowledgement goes: the resident's preferred contact when we can reach them
 * there, else the channel the message came from, else email; a letter or phone call staff must make
 * when nothing automatic fits.
 */
final class ReplyRouting {
    static final ChannelId LETTER = ChannelId.of("letter");
    static final ChannelId PHONE = ChannelId.of("phone");

    private final ReplyChannels channels;

    ReplyRouting(ReplyChannels channels) {
        this.channels = channels;
    }

    /** @param automatic false when staff must make the reply by hand on {@code channel} */
    record Target(ChannelId channel, String recipient, boolean automatic) {
    }

    Target choose(InboundMessage message) {
        Sender sender = message.sender();
        ChannelId preferred = message.preferredContact();
        if (preferred != null) {
            Optional<Target> target = automatic(preferred, sender);
            if (target.isPresent()) {
                return target.get();
            }
            if (!channels.canSend(preferred)) {
                return new Target(preferred, recipientFor(preferred, sender).orElse(null), false);
            }
        }
        return automatic(message.channel(), sender)
                .or(() -> automatic(ChannelId.EMAIL, sender))
                .orElseGet(() -> new Target(sender.hasPhone() ? PHONE : LETTER,
                        sender.hasPhone() ? sender.phone() : null, false));
    }

    private Optional<Target> automatic(ChannelId channel, Sender sender) {
        if (!channels.canSend(channel)) {
            return Optional.empty();
        }
        return recipientFor(channel, sender).map(recipient -> new Target(channel, recipient, true));
    }

    private static Optional<String> recipientFor(ChannelId channel, Sender sender) {
        String value = switch (channel.value()) {
            case "email" -> sender.email();
            case "sms", "whatsapp", "phone" -> sender.phone();
            default -> sender.handle();
        };
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
