package uk.hearth.channel.meta;

import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.hearth.infrastructure.Redaction;

/**
 * How a rejected token is found to work again. Once Meta rejects a token (error 190) no reply is sent with it,
 * so no send can prove it fixed; instead the {@code meta-token-check} route asks Graph a cheap question
 * ({@code GET /me?fields=id}) with it every few minutes, for rejected channels only. A 200 puts the channel back
 * UP and the waiting replies go out at their next attempt. A new token means a restart with the new environment,
 * which starts UP; a token that Meta re-enables (after a password check, say) is picked up by this check.
 */
public final class MetaTokenCheck {
    private static final Logger log = LoggerFactory.getLogger(MetaTokenCheck.class);

    private final MetaChannels channels;

    MetaTokenCheck(MetaChannels channels) {
        this.channels = channels;
    }

    /** The channels to check: those whose token Meta rejected. */
    public List<String> due() {
        return channels.rejected().stream().map(s -> s.channel().id().value()).toList();
    }

    /** The body is a channel name (the route splits {@link #due}). */
    public void prepare(Exchange exchange) {
        String name = exchange.getIn().getBody(String.class);
        MetaChannel channel = channels.byName(name)
                .orElseThrow(() -> new IllegalStateException("not a Meta channel: " + name)).channel();
        MetaGraphRequests.target(exchange, channel, "GET", channel.tokenCheckUrl());
        exchange.getIn().setBody(null);
    }

    public void checked(Exchange exchange) {
        MetaChannelStatus status = MetaGraphRequests.channel(exchange, channels);
        Integer code = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        GraphAnswer answer = GraphAnswer.of(code == null ? 0 : code, exchange.getIn().getBody(String.class));
        if (answer.kind() == GraphAnswer.Kind.SENT) {
            status.tokenAccepted();
        } else {
            log.info("The {} access token is still not accepted: {}", status.channel().id(),
                    Redaction.mask(answer.detail()));
        }
    }
}
