package uk.hearth.channel.meta;

import uk.hearth.channel.spi.InboundEvent;
import uk.hearth.channel.spi.InboundMapper;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import uk.hearth.message.ChannelId;

/**
 * Splits a webhook post ({@code object}, {@code entry[]}, each with {@code messaging[]} or {@code standby[]})
 * into its items, and decides for each whether it is a resident's message or something to leave alone.
 * Messages a second app handles ({@code standby}: the thread belongs to another app, such as the page inbox) are
 * still taken in: a complaint is a complaint whoever answers it.
 */
final class MetaWebhookMapper implements InboundMapper<JsonNode> {
    /** What each non-message event is, and why it makes no case. */
    static final Map<String, String> IGNORED = Map.ofEntries(
            Map.entry("reaction", "a reaction to a message, not a message"),
            Map.entry("postback", "a button press; we send no buttons, so it carries nothing the resident wrote"),
            Map.entry("optin", "a plugin opt-in, not a message"),
            Map.entry("referral", "a link or advert referral, not a message"),
            Map.entry("account_linking", "an account-linking event, not a message"),
            Map.entry("message_request", "a message-request status change, not a message"),
            Map.entry("pass_thread_control", "a conversation handed between apps, not a message"),
            Map.entry("take_thread_control", "a conversation handed between apps, not a message"),
            Map.entry("request_thread_control", "a conversation handed between apps, not a message"),
            Map.entry("app_roles", "an app-role change, not a message"),
            Map.entry("policy_enforcement", "a policy notice from Meta, not a message"),
            Map.entry("payment", "a payment event, not a message"),
            Map.entry("checkout_update", "a payment event, not a message"),
            Map.entry("pre_checkout", "a payment event, not a message"),
            Map.entry("game_play", "a game event, not a message"));

    private final MetaMessageMapper messages = new MetaMessageMapper();

    @Override
    public List<InboundEvent> map(JsonNode post, Instant receivedAt) {
        String object = post.path("object").asText("");
        ChannelId channel = switch (object) {
            case "page" -> MetaChannel.MESSENGER;
            case "instagram" -> MetaChannel.INSTAGRAM;
            default -> null;
        };
        if (channel == null) {
            return List.of(new InboundEvent.Ignored(null, "object", "object '" + object
                    + "' is neither a Facebook page nor an Instagram account"));
        }
        List<InboundEvent> events = new ArrayList<>();
        for (JsonNode entry : post.path("entry")) {
            int before = events.size();
            for (String list : new String[] {"messaging", "standby"}) {
                for (JsonNode item : entry.path(list)) {
                    events.add(item(channel, entry, item, "standby".equals(list), receivedAt));
                }
            }
            if (events.size() == before) {
                events.add(new InboundEvent.Ignored(channel, "entry", entry.has("changes")
                        ? "a change to the page or account (comments, mentions in posts): public, not a private message"
                        : "an entry with no messaging events"));
            }
        }
        return events;
    }

    /** A receipt names our messages ({@code mids}, or Instagram's single {@code mid}) or gives a watermark. */
    private static InboundEvent receipt(ChannelId channel, JsonNode item, String kind) {
        JsonNode receipt = item.path(kind);
        List<String> mids = new ArrayList<>();
        receipt.path("mids").forEach(mid -> mids.add(mid.asText()));
        if (receipt.path("mid").isTextual()) {
            mids.add(receipt.path("mid").asText());
        }
        String resident = item.path("sender").path("id").asText(null);
        Instant watermark = receipt.path("watermark").isNumber() ? MetaTimes.parse(receipt.path("watermark")) : null;
        return new InboundEvent.Receipt(channel, "delivery".equals(kind) ? "delivered" : "read", resident,
                List.copyOf(mids), resident == null ? null : watermark);
    }

    private InboundEvent item(ChannelId channel, JsonNode entry, JsonNode item, boolean standby, Instant receivedAt) {
        JsonNode message = item.path("message");
        if (message.isObject()) {
            if (message.path("is_echo").asBoolean(false)) {
                return new InboundEvent.Ignored(channel, "echo",
                        "an echo of a message the page sent (ours or a person's in the page inbox)");
            }
            return messages.message(channel, entry, item, standby, receivedAt);
        }
        if (item.path("message_edit").isObject()) {
            return messages.edit(channel, entry, item, standby, receivedAt);
        }
        for (String receipt : new String[] {"delivery", "read"}) {
            if (item.path(receipt).isObject()) {
                return receipt(channel, item, receipt);
            }
        }
        for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String reason = IGNORED.get(name);
            if (reason != null) {
                return new InboundEvent.Ignored(channel, name, reason);
            }
        }
        return new InboundEvent.Ignored(channel, "unknown", "an event that carries no message");
    }
}
