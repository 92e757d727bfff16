package uk.hearth.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import uk.hearth.channel.spi.ProviderRequest;
import uk.hearth.channel.spi.ReplyMapper;
import uk.hearth.message.DeliveryRefused;
import uk.hearth.message.OutboundReply;

/** A reply as the Bot API's {@code sendMessage}: the chat, the text (at most 4,096 characters), in the thread. */
final class TelegramReplies implements ReplyMapper<ProviderRequest> {
    static final int MAX_LENGTH = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;

    TelegramReplies(String sendMessageUrl) {
        this.url = sendMessageUrl;
    }

    @Override
    public ProviderRequest map(OutboundReply reply, String replyId) {
        String chat = reply.recipient();
        if (chat == null || !chat.matches("-?\\d+")) {
            throw new DeliveryRefused("no Telegram chat to send to", false);
        }
        ObjectNode request = JSON.createObjectNode();
        request.put("chat_id", Long.parseLong(chat));
        String text = reply.body().strip();
        request.put("text", text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…");
        String answered = reply.inReplyTo();
        String prefix = TelegramMapper.id(chat, "");
        if (answered != null && answered.startsWith(prefix)) {
            String messageId = answered.substring(prefix.length()).replaceFirst("#.*$", "");
            if (messageId.matches("\\d+")) {
                request.putObject("reply_parameters").put("message_id", Long.parseLong(messageId))
                        .put("allow_sending_without_reply", true);
            }
        }
        return ProviderRequest.of(url, Map.of("Content-Type", "application/json"), request.toString());
    }
}
