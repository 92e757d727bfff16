package uk.hearth.channel.email;

import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.hearth.complaint.Cases;
import uk.hearth.infrastructure.Redaction;
import uk.hearth.channel.spi.InboundEvent;
import uk.hearth.infrastructure.intake.IntakeService;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;

/**
 * Takes one mail from the IMAP consumer into the inbox. Nothing is marked or moved in the mailbox until this
 * returns, and it returns only after the inbox row is committed (or the mail is recorded as rejected), so a crash
 * or a database outage leaves the mail where it was for the next poll. The mail then goes to the processed folder,
 * or the failed folder for a rejection, once the exchange completes: with IMAP MOVE where the server offers it
 * ({@link ImapMoves}, several mails to a command), else by the consumer's own copy and delete, told by the header
 * {@code CamelMailMoveTo}.
 */
final class EmailIntake implements Processor {
    private static final Logger log = LoggerFactory.getLogger(EmailIntake.class);
    private static final int REMEMBERED_FAILURES = 10_000;
    private static final EmailMapping MAPPER = new EmailMapping();

    private final IntakeService intake;
    private final EmailStore store;
    private final Cases cases;
    private final EmailMetrics metrics;
    private final EmailProperties properties;
    private final MimeReader reader;
    private final Clock clock;
    private final ImapMoves moves;
    private final Map<String, Integer> readFailures = new ConcurrentHashMap<>();

    EmailIntake(IntakeService intake, EmailStore store, Cases cases, EmailMetrics metrics, EmailProperties properties,
                Clock clock, ImapMoves moves) {
        this.moves = moves;
        this.intake = intake;
        this.store = store;
        this.cases = cases;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        this.reader = new MimeReader(properties.attachmentMaxSize().toBytes());
    }

    /** What happened to one mail, and so where it goes in the mailbox. */
    enum Outcome { STORED, DUPLICATE, REJECTED }

    @Override
    public void process(Exchange exchange) throws MessagingException, IOException {
        receive(exchange);
    }

    /** Camel entry point: the consumer's mail, by its raw bytes. */
    public void receive(Exchange exchange) throws MessagingException, IOException {
        jakarta.mail.Message mail = exchange.getIn() instanceof MailMessage in ? in.getOriginalMessage()
                : exchange.getIn().getBody(jakarta.mail.Message.class);
        Outcome outcome;
        byte[] raw;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(mail.getSize(), 1024));
            mail.writeTo(bytes);
            raw = bytes.toByteArray();
        } catch (MessagingException | IOException | RuntimeException e) {
            // The server cannot hand this mail over: after the allowed attempts it goes to the failed folder.
            String key = "server:" + serverKey(mail);
            int attempts = readFailures.merge(key, 1, Integer::sum);
            if (attempts < properties.imap().parseAttempts()) {
                throw e;
            }
            readFailures.remove(key);
            raw = null;
        }
        if (raw == null) {
            outcome = reject(properties.imap().source(), null, "the server could not hand the mail over after "
                    + properties.imap().parseAttempts() + " attempts", new byte[0]);
        } else {
            Instant arrived = mail.getReceivedDate() != null ? mail.getReceivedDate().toInstant() : clock.instant();
            outcome = accept(raw, arrived);
        }
        String folder = outcome == Outcome.REJECTED ? properties.imap().failedFolder()
                : properties.imap().processedFolder();
        // camel-mail's completion reads the exchange's headers (CamelMailMoveTo and the like). Asked of the mail's own
        // message, Camel would first fetch all of the mail's headers from the server (one more command per mail, and
        // a failure for a mail whose headers the server cannot serve), so the exchange gets a plain message instead:
        // the consumer marks and moves the mail it fetched, whatever the exchange's message is.
        DefaultMessage plain = new DefaultMessage(exchange);
        if (folder != null && !folder.isBlank()) {
            if (ImapMoves.offered(mail)) {
                moves.afterCompletion(exchange, mail, folder);
            } else {
                plain.setHeader(MailConstants.MAIL_MOVE_TO, folder); // the consumer copies it there, flags it deleted
            }
        }
        exchange.setIn(plain);
    }

    private static String serverKey(jakarta.mail.Message mail) {
        try {
            if (mail.getFolder() instanceof jakarta.mail.UIDFolder uids) {
                return uids.getUIDValidity() + ":" + uids.getUID(mail);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // falls back to the position in the folder
        }
        return "n" + mail.getMessageNumber();
    }

    /**
     * Stores one raw mail. Throws (so the mail stays unread in the mailbox) when the database cannot take it or
     * when it could not be read and has not yet used up its attempts.
     */
    Outcome accept(byte[] raw, Instant arrived) {
        String mailbox = properties.imap().source();
        ParsedEmail parsed;
        try {
            parsed = reader.read(raw, arrived);
        } catch (MessagingException | RuntimeException e) {
            String key = MimeReader.sha256(raw);
            int attempts = readFailures.merge(key, 1, Integer::sum);
            if (attempts < properties.imap().parseAttempts()) {
                throw new IllegalStateException("mail could not be read (attempt " + attempts + "): " + e, e);
            }
            readFailures.remove(key);
            return reject(mailbox, null, "could not be read after " + attempts + " attempts: " + e, raw);
        }
        InboundMessage mappedMessage;
        try {
            mappedMessage = InboundEvent.onlyMessage(MAPPER.map(new EmailMapping.Mail(parsed, mailbox,
                    EmailMapping.headerBlock(raw)), arrived));
        } catch (IllegalArgumentException rejected) {
            return reject(mailbox, parsed, rejected.getMessage(), raw);
        }
        Optional<EmailStore.Earlier> earlier = mappedMessage.actionable()
                ? store.sameContent(mappedMessage.sender().email(), EmailMapping.contentHash(mappedMessage),
                        mappedMessage.externalId(), arrived.minus(properties.duplicateWindow()))
                : Optional.empty();
        InboundMessage message = earlier.map(e -> suspectedDuplicate(mappedMessage, e)).orElse(mappedMessage);
        IntakeService.Received received = intake.receive(message);
        count(message);
        if (received.duplicate()) {
            metrics.duplicate();
            note(received.inboundId(), "email_redelivered", "the same email (" + message.messageId()
                    + ") was delivered again; it was not processed twice");
            return Outcome.DUPLICATE;
        }
        earlier.ifPresent(e -> note(received.inboundId(), "suspected_duplicate", "an email from the same sender with"
                + " the same text and files as " + e.messageId() + " arrived again as " + message.messageId()
                + ": kept on this case, not acknowledged again"));
        return Outcome.STORED;
    }

    /** Same words, same files, same sender, another Message-ID or Date: joined to the first one's case. */
    private static InboundMessage suspectedDuplicate(InboundMessage message, EmailStore.Earlier earlier) {
        List<String> thread = new ArrayList<>(List.of(earlier.messageId()));
        thread.addAll(message.inReplyTo());
        Map<String, String> details = new LinkedHashMap<>(message.details());
        details.put(EmailMapping.DETAIL_SUSPECTED_DUPLICATE, earlier.messageId());
        return InboundMessage.builder(message.channel(), message.externalId(), message.text(), message.receivedAt())
                .source(message.source()).sender(message.sender()).subject(message.subject()).raw(message.raw())
                .attachments(message.attachments()).inReplyTo(thread).details(details).notice(message.notice())
                .build();
    }

    private Outcome reject(String mailbox, ParsedEmail parsed, String reason, byte[] raw) {
        store.reject(mailbox, parsed, reason, raw, clock.instant());
        metrics.failed();
        log.warn("Email rejected and kept for staff ({} bytes): {}", raw.length, Redaction.mask(reason));
        return Outcome.REJECTED;
    }

    private void count(InboundMessage message) {
        if (message.notice() == null) {
            metrics.processed();
        } else if (message.notice().kind() == Notice.Kind.BOUNCE) {
            metrics.bounce();
        } else {
            metrics.autoReply();
        }
    }

    /** An event on the mail's case; the mail is safe already, so a failure here is only logged. */
    private void note(long inboundId, String type, String detail) {
        try {
            store.caseOf(inboundId).ifPresent(caseId -> cases.recordEvent(caseId, type, detail, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Could not note {} for inbound message {}: {}", type, inboundId, Redaction.mask(e.toString()));
        }
        if (readFailures.size() > REMEMBERED_FAILURES) {
            readFailures.clear();
        }
    }
}
