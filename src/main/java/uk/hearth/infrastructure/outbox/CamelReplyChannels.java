package uk.hearth.infrastructure.outbox;

import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;
import uk.hearth.intake.ReplyChannels;
import uk.hearth.message.ChannelId;

/** A channel can reply when a route named {@code <channel>-reply} is loaded: convention, not a registry. */
@Component
class CamelReplyChannels implements ReplyChannels {
    private final CamelContext camel;

    CamelReplyChannels(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public boolean canSend(ChannelId channel) {
        return camel.getRoute(channel.value() + "-reply") != null;
    }
}
