package uk.hearth.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.UnitOfWorkHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ImapMoves} against a real IMAP server (GreenMail, which offers MOVE): stored mails leave the folder with one
 * MOVE per destination, after camel-mail's own completion, and never by a position from another poll.
 */
class ImapMovesTest {
    static final String PROCESSED = "Hearth/Processed";
    static final String FAILED = "Hearth/Failed";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.port(freePort()))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("complaints@test.example", "hearth", "secret"));

    final ByteArrayOutputStream protocol = new ByteArrayOutputStream();
    /** What camel-mail's completion did, mail by mail. */
    final List<String> camelMail = new ArrayList<>();
    final ImapMoves moves = new ImapMoves(new MailboxStatus(Clock.systemUTC(), new EmailMetrics(new SimpleMeterRegistry()),
            () -> null));
    CamelContext camel;
    Store store;
    Folder inbox;

    @BeforeEach
    void openTheInboxAsTheConsumerDoes() throws Exception {
        camel = new DefaultCamelContext();
        Session session = Session.getInstance(new Properties());
        session.setDebug(true);
        session.setDebugOut(new PrintStream(protocol, true, StandardCharsets.UTF_8));
        store = session.getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), "hearth", "secret");
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        camel.close();
    }

    @Test
    void storedMailsLeaveWithOneMovePerDestinationAtTheEndOfThePoll() throws Exception {
        Message[] mails = poll(3);
        complete(mails[0], PROCESSED, false);
        complete(mails[1], PROCESSED, false);
        complete(mails[2], FAILED, false);
        assertThat(count("INBOX")).isEqualTo(3); // queued, not moved yet

        moves.process(inbox); // camel-mail's post-process action, before it closes the folder
        assertThat(commands()).containsOnlyOnce("MOVE 1:2 " + PROCESSED)
                .contains("MOVE 1 " + FAILED, "CREATE " + FAILED) // created on the server's TRYCREATE, then moved
                .doesNotContain("COPY", "\\Deleted", "EXPUNGE");
        inbox.close(true);
        assertThat(count("INBOX")).isZero();
        assertThat(count(PROCESSED)).isEqualTo(2);
        assertThat(count(FAILED)).isEqualTo(1);
        assertThat(camelMail).containsExactly("seen 1", "seen 2", "seen 3");
        assertThat(seen(PROCESSED)).isEqualTo(2);
    }

    /** The batch is moved inside the last mail's completion: after camel-mail's, which marks that mail seen first. */
    @Test
    void aFullBatchIsMovedAtOnceAfterCamelMailsOwnCompletion() throws Exception {
        Message[] mails = poll(ImapMoves.BATCH + 1);
        for (Message mail : mails) {
            complete(mail, PROCESSED, false);
        }
        assertThat(commands()).containsOnlyOnce("MOVE 1:" + ImapMoves.BATCH + " " + PROCESSED);
        assertThat(camelMail).hasSize(ImapMoves.BATCH + 1).allMatch(result -> result.startsWith("seen"));
        assertThat(count("INBOX")).isEqualTo(1);
        assertThat(seen(PROCESSED)).isEqualTo(ImapMoves.BATCH);
        moves.process(inbox);
        assertThat(count("INBOX")).isZero();
    }

    @Test
    void aMailWhoseExchangeFailedIsNotMoved() throws Exception {
        Message[] mails = poll(1);
        complete(mails[0], PROCESSED, true);
        moves.process(inbox);
        assertThat(commands()).doesNotContain("MOVE");
        assertThat(count("INBOX")).isEqualTo(1);
    }

    @Test
    void whatIsQueuedIsForgottenWhenAPollFailsOrTheNextOneBegins() throws Exception {
        Message[] mails = poll(2);
        complete(mails[0], PROCESSED, false);
        moves.rollback(null, null, 0, new IllegalStateException("poll failed"));
        complete(mails[1], PROCESSED, false);
        moves.begin(null, null);
        moves.process(inbox);
        assertThat(commands()).doesNotContain("MOVE");
        assertThat(count("INBOX")).isEqualTo(2);
    }

    @Test
    void moveIsUsedOnlyForAMailInAnOpenFolderOfAServerThatOffersIt() throws Exception {
        Message[] mails = poll(1);
        assertThat(ImapMoves.offered(mails[0])).isTrue();
        assertThat(ImapMoves.offered(new MimeMessage((Session) null))).isFalse();
        inbox.close(false);
        assertThat(ImapMoves.offered(mails[0])).isFalse();

        try (WithoutMove server = new WithoutMove(greenMail.getImap().getPort())) {
            Store plain = Session.getInstance(new Properties()).getStore("imap");
            plain.connect("127.0.0.1", server.port(), "hearth", "secret");
            try {
                Folder folder = plain.getFolder("INBOX");
                folder.open(Folder.READ_WRITE);
                assertThat(folder.getMessageCount()).isEqualTo(1);
                assertThat(ImapMoves.offered(folder.getMessage(1))).isFalse();
                folder.close(false);
            } finally {
                plain.close();
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Delivers n mails and opens INBOX read-write, as camel-mail's consumer does at the start of a poll. */
    Message[] poll(int n) throws Exception {
        for (int i = 1; i <= n; i++) {
            greenMail.getUserManager().getUser("hearth").deliver(new MimeMessage((Session) null, new ByteArrayInputStream(
                    ("From: r" + i + "@example.org\r\nTo: complaints@test.example\r\nSubject: " + i + "\r\nMessage-ID: <"
                            + i + "@example.org>\r\n\r\nMy complaint " + i + "\r\n").getBytes(StandardCharsets.UTF_8))));
        }
        Folder processed = store.getFolder(PROCESSED);
        if (!processed.exists()) {
            processed.create(Folder.HOLDS_MESSAGES);
        }
        inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        protocol.reset();
        return inbox.getMessages();
    }

    /**
     * One exchange as camel-mail runs it: its own completion (which marks the mail seen, and fails on a mail already
     * moved away) added before the route runs, then ours, added by EmailIntake once the mail is stored; then the unit
     * of work is done.
     */
    void complete(Message mail, String to, boolean failed) {
        Exchange exchange = new DefaultExchange(camel);
        int number = mail.getMessageNumber();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                try {
                    mail.setFlag(Flags.Flag.SEEN, true);
                    camelMail.add("seen " + number);
                } catch (Exception e) {
                    camelMail.add("failed " + number + ": " + e);
                }
            }
        });
        moves.afterCompletion(exchange, mail, to);
        if (failed) {
            exchange.setException(new IllegalStateException("database down"));
        }
        UnitOfWorkHelper.doneSynchronizations(exchange, exchange.getExchangeExtension().handoverCompletions());
    }

    /** The tagged lines of the protocol trace, from every connection (Angus gives each its own tag prefix). */
    String commands() {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("(?m)^[A-Z]+\\d+ (.*)$").matcher(protocol.toString(StandardCharsets.UTF_8));
        while (m.find()) {
            out.append(m.group(1).replace("\"", "")).append('\n');
        }
        return out.toString();
    }

    int count(String folder) throws Exception {
        var f = greenMail.getManagers().getImapHostManager().getFolder(greenMail.getUserManager().getUser("hearth"), folder);
        return f == null ? 0 : f.getMessageCount();
    }

    int seen(String folder) throws Exception {
        var f = greenMail.getManagers().getImapHostManager().getFolder(greenMail.getUserManager().getUser("hearth"), folder);
        return (int) f.getMessages().stream().filter(m -> m.isSet(Flags.Flag.SEEN)).count();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same IMAP server, less MOVE in what it says it can do: a relay that edits its CAPABILITY lines. */
    static final class WithoutMove implements AutoCloseable {
        private final ServerSocket listener;
        private final int target;

        WithoutMove(int target) throws IOException {
            this.target = target;
            this.listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(this::accept, "imap-without-move");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    pump(client.getInputStream(), server.getOutputStream(), false);
                    pump(server.getInputStream(), client.getOutputStream(), true);
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private static void pump(InputStream in, OutputStream out, boolean edit) {
            Thread t = new Thread(() -> {
                try (in; out) {
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    int b;
                    while ((b = in.read()) >= 0) {
                        line.write(b);
                        if (b == '\n') {
                            String text = line.toString(StandardCharsets.ISO_8859_1);
                            if (edit && text.contains("CAPABILITY")) {
                                text = text.replace(" MOVE", "");
                            }
                            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                            line.reset();
                        }
                    }
                } catch (IOException closed) {
                    // one side hung up
                }
            }, "imap-without-move-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
