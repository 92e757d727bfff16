package uk.hearth.channel.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import uk.hearth.channel.spi.ReplyMapper;
import uk.hearth.channel.spi.Replies;
import uk.hearth.message.OutboundReply;
import uk.hearth.message.DeliveryRefused;

/**
 * Turns what the outbox hands to {@code direct:reply-email} into a threaded reply: our own Message-ID, In-Reply-To
 * and References naming the resident's mail, the case reference in the subject, and the headers that keep other
 * robots from answering it (Auto-Submitted, X-Auto-Response-Suppress). Refuses once an address has had
 * {@code auto-reply-cap.max} automatic replies within {@code auto-reply-cap.per}, which breaks mail loops.
 */
final class EmailReplies implements ReplyMapper<MimeMessage> {
    static final String MESSAGE_ID_HEADER = "hearthEmailMessageId";
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern REFERENCE = Pattern.compile("\\b([A-Z]{2,5}-\\d{4}-\\d{6,})\\b");
    private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^\\s*((re|fwd?|aw|sv|vs|antw|réf)\\s*:\\s*)+");
    private static final int MAX_REFERENCES = 20;

    private final EmailStore store;
    private final EmailProperties properties;
    private final Clock clock;

    EmailReplies(EmailStore store, EmailProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public void compose(Exchange exchange) throws MessagingException {
        MimeMessage mail = map(Replies.reply(exchange), Replies.replyId(exchange));
        exchange.getIn().setHeader(MESSAGE_ID_HEADER, mail.getMessageID());
        exchange.getIn().setBody(mail);
    }

    /** The reply as a mail in the resident's thread, or refused once the address has had its automatic replies. */
    @Override
    public MimeMessage map(OutboundReply reply, String replyId) {
        InternetAddress to = address(reply.recipient());
        EmailProperties.AutoReplyCap cap = properties.autoReplyCap();
        int sent = store.sentTo(to.getAddress(), clock.instant().minus(cap.per()));
        if (sent >= cap.max()) {
            throw new DeliveryRefused("automatic reply cap reached: " + sent + " replies to this address within "
                    + cap.per().toHours() + " hours", false);
        }
        try {
            InternetAddress from = InternetAddress.parse(properties.from(), false)[0];
            String messageId = "<hearth." + UUID.randomUUID() + "@" + domain(from.getAddress()) + ">";
            MimeMessage mail = new OwnIdMessage(SESSION, messageId);
            mail.setFrom(from);
            mail.setRecipient(Message.RecipientType.TO, to);
            String inReplyTo = reply.inReplyTo();
            EmailStore.Answered answered = store.answered(inReplyTo).orElse(null);
            mail.setSubject(subject(reply.subject(), answered == null ? null : answered.subject()), "UTF-8");
            mail.setText(reply.body(), "UTF-8");
            if (inReplyTo != null && !inReplyTo.isBlank()) {
                mail.setHeader("In-Reply-To", inReplyTo);
                mail.setHeader("References", MimeUtility.fold(12, String.join(" ",
                        references(answered == null ? List.of() : answered.thread(), inReplyTo))));
            }
            mail.setHeader("Auto-Submitted", "auto-replied");
            mail.setHeader("X-Auto-Response-Suppress", "All");
            mail.setHeader("Message-ID", messageId);
            return mail;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write the reply as a mail (check hearth.channels.email.from): "
                    + e.getMessage(), e);
        }
    }

    /** "Re: <their subject> [HRT-2026-000123]" when we answer a mail; else ours, with the reference in brackets. */
    static String subject(String ours, String theirs) {
        String reference = null;
        if (ours != null) {
            Matcher m = REFERENCE.matcher(ours);
            reference = m.find() ? m.group(1) : null;
        }
        String base = ours == null ? "" : ours;
        if (theirs != null && !theirs.isBlank()) {
            String stripped = REPLY_PREFIX.matcher(theirs.replaceAll("\\s*\\[[A-Z]{2,5}-\\d{4}-\\d{6,}]", "")).replaceFirst("")
                    .strip();
            base = "Re: " + stripped;
        }
        if (reference != null && !base.contains("[" + reference + "]")) {
            base = base + " [" + reference + "]";
        }
        return base.strip();
    }

    static List<String> references(List<String> thread, String inReplyTo) {
        List<String> ids = new ArrayList<>();
        for (String id : thread) {
            if (!id.isBlank() && !ids.contains(id)) {
                ids.add(id);
            }
        }
        ids.remove(inReplyTo);
        ids.add(inReplyTo);
        return ids.size() > MAX_REFERENCES ? ids.subList(ids.size() - MAX_REFERENCES, ids.size()) : ids;
    }

    private static InternetAddress address(String recipient) {
        try {
            InternetAddress address = new InternetAddress(recipient, true);
            address.validate();
            return address;
        } catch (AddressException | NullPointerException e) {
            throw new DeliveryRefused("not a usable email address", false);
        }
    }

    private static String domain(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "hearth.invalid" : address.substring(at + 1);
    }

    /** Jakarta Mail replaces the Message-ID when a message is saved; ours must survive so replies find the case. */
    private static final class OwnIdMessage extends MimeMessage {
        private final String messageId;

        OwnIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
