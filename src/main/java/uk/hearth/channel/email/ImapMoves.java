package uk.hearth.channel.email;

import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Ordered;
import org.apache.camel.component.mail.MailBoxPostProcessAction;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.Synchronization;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.hearth.infrastructure.Redaction;

/**
 * Moves stored mails out of the polled folder with IMAP MOVE (RFC 6851), up to {@link #BATCH} mails to a command,
 * where the server offers MOVE. camel-mail's own move ({@code CamelMailMoveTo}) costs three commands for every mail
 * (LIST to see that the destination exists, COPY, STORE {@code \Deleted}) and an expunge when the folder closes; on
 * Dovecot one MOVE of 200 mails took about as long as a MOVE of one (20-30 ms against 11 ms), so the mails are gathered
 * and moved together.
 *
 * <p>A mail is queued only when its exchange completes, that is after {@link EmailIntake} has returned with its
 * inbox row (or its rejection) committed; a failed exchange queues nothing. The queue is moved when it holds
 * {@link #BATCH} mails and at the end of every poll (camel-mail's post-process action, while the folder is still open),
 * and forgotten at the start of every poll and when a poll fails: a queued mail is known by its position in the
 * folder as opened by this poll, so it must never outlive it. A crash or a failed MOVE leaves the mails in the folder
 * (at most a batch of them), where the next poll finds them stored already and moves them then.
 *
 * <p>The route's poll strategy and post-process action; it hands both on to {@link MailboxStatus}.
 */
final class ImapMoves implements PollingConsumerPollStrategy, MailBoxPostProcessAction {
    private static final Logger log = LoggerFactory.getLogger(ImapMoves.class);
    static final int BATCH = 50;

    private final MailboxStatus status;
    /** Destination folder → mails of {@link #from} to move there; guarded by this. */
    private final Map<String, List<Message>> queued = new LinkedHashMap<>();
    private IMAPFolder from;
    private int size;

    ImapMoves(MailboxStatus status) {
        this.status = status;
    }

    /** Whether the mail sits in an open IMAP folder on a server that offers MOVE. */
    static boolean offered(Message mail) {
        try {
            return mail != null && mail.getFolder() instanceof IMAPFolder folder && folder.isOpen()
                    && folder.getStore() instanceof IMAPStore store && store.hasCapability("MOVE");
        } catch (MessagingException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Queues the mail for {@code folder} once the exchange has completed, after camel-mail's own completion (which
     * marks the mail seen, and would fail on a mail already moved away). Only for a mail that {@link #offered}.
     */
    void afterCompletion(Exchange exchange, Message mail, String folder) {
        exchange.getExchangeExtension().addOnCompletion(new Queue((IMAPFolder) mail.getFolder(), mail, folder));
    }

    synchronized void queue(IMAPFolder folder, Message mail, String to) {
        if (from != folder) {
            forget(); // never move by positions in another folder (or another opening of it)
            from = folder;
        }
        queued.computeIfAbsent(to, k -> new ArrayList<>()).add(mail);
        if (++size >= BATCH) {
            moveQueued();
        }
    }

    /** One MOVE per destination for what is queued; a destination that does not exist yet is created. */
    synchronized void moveQueued() {
        try {
            if (from == null || !from.isOpen()) {
                if (size > 0) {
                    log.warn("{} stored mails were not moved: the folder closed first; the next poll moves them", size);
                }
                return;
            }
            for (Map.Entry<String, List<Message>> entry : queued.entrySet()) {
                try {
                    move(from, entry.getValue().toArray(new Message[0]), entry.getKey());
                } catch (MessagingException | RuntimeException e) {
                    log.warn("Could not move {} stored mails to {}; they stay in {} and are moved at the next poll: {}",
                            entry.getValue().size(), entry.getKey(), from.getFullName(), Redaction.mask(e.toString()));
                }
            }
        } finally {
            forget();
        }
    }

    /** Drops the queue without moving it: the mails stay in the folder, found again by the next poll. */
    synchronized void forget() {
        queued.clear();
        size = 0;
    }

    static void move(IMAPFolder from, Message[] mails, String to) throws MessagingException {
        Folder destination = from.getStore().getFolder(to);
        try {
            from.moveMessages(mails, destination);
        } catch (FolderNotFoundException missing) {
            if (!destination.exists() && !destination.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("could not create folder " + to, missing);
            }
            from.moveMessages(mails, destination);
        }
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        forget();
        return status.begin(consumer, endpoint);
    }

    /** Called by the consumer after it has handled every mail of the poll, before it closes the folder. */
    @Override
    public void process(Folder folder) throws Exception {
        moveQueued();
        status.process(folder);
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        status.commit(consumer, endpoint, polledMessages);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) throws Exception {
        forget();
        return status.rollback(consumer, endpoint, retryCounter, cause);
    }

    /** Queues one stored mail when its exchange completes; runs after completions of default order. */
    private final class Queue implements Synchronization, Ordered {
        private final IMAPFolder folder;
        private final Message mail;
        private final String to;

        Queue(IMAPFolder folder, Message mail, String to) {
            this.folder = folder;
            this.mail = mail;
            this.to = to;
        }

        @Override
        public void onComplete(Exchange exchange) {
            queue(folder, mail, to);
        }

        @Override
        public void onFailure(Exchange exchange) {
            // Not stored: the mail stays where it is for the next poll.
        }

        /** camel-mail's completion (a SynchronizationAdapter) has order 0; Camel runs lower orders first. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST;
        }
    }
}
