import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import uk.hearth.HearthApplication;

/**
 * Email benchmark: a mailbox of N mails of the fixtures' variety (every MIME fixture, bounces and auto-replies
 * included, and residents' complaints in plain text, HTML and with attachments) is drained by the IMAP route,
 * recorded in the inbox and acknowledged over SMTP. GreenMail plays the mail server on 127.0.0.1, or, when
 * BENCH_IMAP_HOST is set, the mailbox is on that IMAP server (BENCH_IMAP_PORT, BENCH_IMAP_USER, BENCH_IMAP_PASSWORD;
 * bench/dovecot.sh starts a Dovecot for it) and GreenMail only takes the acknowledgements. Prints the seconds from
 * start until the mailbox is empty, every mail recorded, and every acknowledgement sent.
 */
public class EmailBench {
    public static void main(String[] args) throws Exception {
        int total = Integer.parseInt(System.getenv().getOrDefault("BENCH_MAILS", "1000"));
        String dbUrl = System.getenv().getOrDefault("BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hearth_bench_email");
        String dbUser = System.getenv().getOrDefault("BENCH_DB_USER", "postgres");
        String externalHost = System.getenv().getOrDefault("BENCH_IMAP_HOST", "");
        boolean external = !externalHost.isBlank();
        ServerSetup smtp = new ServerSetup(freePort(), "127.0.0.1", "smtp");
        ServerSetup imap = new ServerSetup(freePort(), "127.0.0.1", "imap");
        // GreenMail always takes the acknowledgements over SMTP; it serves the mailbox too unless BENCH_IMAP_HOST
        // names another IMAP server.
        GreenMail mail = new GreenMail(external ? new ServerSetup[] {smtp} : new ServerSetup[] {smtp, imap})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("complaints@bench.example", "hearth", "secret"));
        Mailbox mailbox = external
                ? new ImapMailbox(externalHost, Integer.parseInt(System.getenv().getOrDefault("BENCH_IMAP_PORT", "143")),
                        System.getenv().getOrDefault("BENCH_IMAP_USER", "hearth"),
                        System.getenv().getOrDefault("BENCH_IMAP_PASSWORD", "secret"))
                : new GreenMailMailbox(mail, imap.getPort());
        mail.start();
        try {
            System.out.printf("[bench] IMAP server: %s%n", mailbox.describe());
            int loaded = mailbox.load(fixtures(total));
            System.out.printf("[bench] mailbox holds %d mails%n", loaded);
            long started = System.nanoTime();
            ConfigurableApplicationContext app = SpringApplication.run(HearthApplication.class,
                    "--spring.datasource.url=" + dbUrl, "--spring.datasource.username=" + dbUser,
                    "--spring.datasource.password=", "--server.port=0",
                    "--hearth.channels.email.imap.host=" + mailbox.host(), "--hearth.channels.email.imap.protocol=imap",
                    "--hearth.channels.email.imap.port=" + mailbox.port(),
                    "--hearth.channels.email.imap.username=" + mailbox.user(),
                    "--hearth.channels.email.imap.password=" + mailbox.password(),
                    "--hearth.channels.email.imap.processed-folder=" + PROCESSED,
                    "--hearth.channels.email.imap.failed-folder=" + FAILED,
                    "--hearth.channels.email.imap.poll-interval=500", "--hearth.channels.email.imap.initial-delay=0",
                    "--hearth.channels.email.smtp.host=127.0.0.1", "--hearth.channels.email.smtp.port=" + smtp.getPort(),
                    "--hearth.channels.email.from=Bench Homes <complaints@bench.example>",
                    "--hearth.outbox.poll-interval=200", "--hearth.outbox.batch-size=100",
                    "--logging.level.root=WARN");
            double ready = seconds(started);
            double drained = -1;
            double recorded = -1;
            double acknowledged = -1;
            try (Connection db = DriverManager.getConnection(dbUrl, dbUser, "")) {
                long deadline = System.nanoTime() + 300_000_000_000L;
                long nextReport = System.nanoTime();
                while (System.nanoTime() < deadline) {
                    int inInbox = mailbox.count("INBOX");
                    if (drained < 0 && inInbox == 0) {
                        drained = seconds(started);
                    }
                    long stored = count(db, "select count(*) from inbound_message where channel = 'email'")
                            + count(db, "select count(*) from email_rejection");
                    long open = count(db, "select count(*) from inbound_message where channel = 'email' and status = 'RECEIVED'");
                    if (recorded < 0 && drained >= 0 && open == 0) {
                        recorded = seconds(started);
                    }
                    long pending = count(db, "select count(*) from outbound_message where status in ('PENDING', 'SENDING')");
                    if (recorded >= 0 && pending == 0) {
                        acknowledged = seconds(started);
                        System.out.printf("[bench] stored %d (inbox rows + rejections) of %d mails%n", stored, loaded);
                        break;
                    }
                    if (System.nanoTime() >= nextReport) {
                        System.out.printf("[bench] %5.1f s: %d in the mailbox, %d stored, %d waiting to be processed,"
                                + " %d replies waiting to be sent%n", seconds(started), inInbox, stored, open, pending);
                        nextReport += 10_000_000_000L;
                    }
                    Thread.sleep(100);
                }
                System.out.printf("[bench] inbound: %d rows (%d duplicates of content kept as follow-ups), %d rejected%n",
                        count(db, "select count(*) from inbound_message where channel = 'email'"),
                        count(db, "select count(*) from case_event where type = 'suspected_duplicate'"),
                        count(db, "select count(*) from email_rejection"));
                System.out.printf("[bench] notices (auto-replies, bounces): %d; acknowledgements sent: %d; failed: %d%n",
                        count(db, "select count(*) from inbound_message where channel = 'email' and notice is not null"),
                        count(db, "select count(*) from outbound_message where status = 'SENT'"),
                        count(db, "select count(*) from outbound_message where status = 'FAILED'"));
            }
            // GreenMail lists the mailbox's own mails among those received: count Hearth's (its Message-IDs).
            long sent = 0;
            for (MimeMessage m : mail.getReceivedMessages()) {
                String id = m.getMessageID();
                if (id != null && id.startsWith("<hearth.")) {
                    sent++;
                }
            }
            System.out.printf("[bench] SMTP server received %d acknowledgements%n", sent);
            System.out.printf("[bench] mailbox afterwards: INBOX %d, %s %d, %s %d%n", mailbox.count("INBOX"),
                    PROCESSED, mailbox.count(PROCESSED), FAILED, mailbox.count(FAILED));
            // Every figure counts from the start of Hearth (start-up included); ready_to_acknowledged_s leaves start-up out.
            System.out.printf("%nRESULT imap=%s mails=%d start_to_ready_s=%.1f drained_s=%.1f recorded_s=%.1f"
                    + " acknowledged_s=%.1f ready_to_acknowledged_s=%.1f target_s=60%n", mailbox.name(), loaded, ready,
                    drained, recorded, acknowledged, acknowledged < 0 ? -1 : acknowledged - ready);
            app.close();
        } finally {
            mailbox.close();
            mail.stop();
        }
    }

    static final String PROCESSED = "Hearth/Processed";
    static final String FAILED = "Hearth/Failed";

    /** The mailbox Hearth drains: filled before Hearth starts, counted while it runs. */
    interface Mailbox extends AutoCloseable {
        String name();

        String describe() throws Exception;

        String host();

        int port();

        String user();

        String password();

        /** Puts the mails into INBOX; returns how many are there. */
        int load(List<byte[]> mails) throws Exception;

        /** Mails in a folder, expunged ones not counted (0 for a folder that does not exist). */
        int count(String folder) throws Exception;

        @Override
        void close() throws Exception;
    }

    /** GreenMail in this JVM: mails delivered straight into its store, counted from its store. */
    record GreenMailMailbox(GreenMail mail, int port) implements Mailbox {
        public String name() {
            return "greenmail";
        }

        public String describe() {
            return "GreenMail (in this JVM) on 127.0.0.1:" + port;
        }

        public String host() {
            return "127.0.0.1";
        }

        public String user() {
            return "hearth";
        }

        public String password() {
            return "secret";
        }

        public int load(List<byte[]> mails) throws Exception {
            GreenMailUser user = mail.getUserManager().getUser("hearth");
            for (byte[] raw : mails) {
                user.deliver(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
            }
            return mails.size();
        }

        public int count(String folder) throws Exception {
            var f = mail.getManagers().getImapHostManager().getFolder(mail.getUserManager().getUser("hearth"), folder);
            return f == null ? 0 : f.getMessageCount();
        }

        public void close() {
        }
    }

    /**
     * Another IMAP server (Dovecot from bench/dovecot.sh, say): mails put into INBOX with APPEND, counted with STATUS
     * over a connection of its own. INBOX must be empty to start with, so that only this run's mails are counted.
     */
    static final class ImapMailbox implements Mailbox {
        private final String host;
        private final int port;
        private final String user;
        private final String password;
        private final Store store;

        ImapMailbox(String host, int port, String user, String password) throws Exception {
            this.host = host;
            this.port = port;
            this.user = user;
            this.password = password;
            this.store = SESSION.getStore("imap");
            store.connect(host, port, user, password);
        }

        public String name() {
            return host + ":" + port;
        }

        public String describe() throws Exception {
            IMAPStore imap = (IMAPStore) store;
            return "external, " + user + "@" + host + ":" + port + " (MOVE " + (imap.hasCapability("MOVE")
                    ? "offered" : "not offered") + ", UIDPLUS " + (imap.hasCapability("UIDPLUS") ? "offered" : "not offered")
                    + ")";
        }

        public String host() {
            return host;
        }

        public int port() {
            return port;
        }

        public String user() {
            return user;
        }

        public String password() {
            return password;
        }

        public int load(List<byte[]> mails) throws Exception {
            for (String name : List.of(PROCESSED, FAILED)) {
                Folder f = store.getFolder(name);
                if (!f.exists() && !f.create(Folder.HOLDS_MESSAGES)) {
                    throw new IllegalStateException("could not create folder " + name);
                }
            }
            int before = count("INBOX");
            if (before != 0) {
                throw new IllegalStateException("INBOX of " + user + "@" + host + " holds " + before
                        + " mails already; start from an empty mailbox (bash bench/dovecot.sh start lays one anew)");
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                List<Message> batch = new ArrayList<>();
                for (byte[] raw : mails) {
                    batch.add(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
                    if (batch.size() == 100) {
                        inbox.appendMessages(batch.toArray(new Message[0]));
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    inbox.appendMessages(batch.toArray(new Message[0]));
                }
            } finally {
                inbox.close(false);
            }
            return count("INBOX");
        }

        public synchronized int count(String name) throws Exception {
            Folder f = store.getFolder(name);
            if (!f.exists()) {
                return 0;
            }
            // STATUS on the closed folder: what the server holds now, mails flagged \Deleted but not yet expunged
            // included (as GreenMail's own count includes them).
            return f.getMessageCount();
        }

        public void close() throws Exception {
            store.close();
        }
    }

    static final Session SESSION = Session.getInstance(utf8());

    static Properties utf8() {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    /** N mails of the fixtures' variety, each with its own Message-ID. */
    static List<byte[]> fixtures(int total) throws Exception {
        List<byte[]> mails = new ArrayList<>();
        List<byte[]> fixtures = new ArrayList<>();
        try (var files = Files.list(Path.of("src/test/resources/fixtures/mime"))) {
            for (Path f : files.filter(f -> f.toString().matches(".*\\.(eml|raw)$")).sorted().toList()) {
                fixtures.add(Files.readAllBytes(f));
            }
        }
        try (var files = Files.list(Path.of("src/test/resources/fixtures/email-reply"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                fixtures.add(Files.readAllBytes(f));
            }
        }
        String[] complaints = {
            "The repairs team promised to come on Monday and never turned up. I want to make a complaint.",
            "There is black mould in the bedroom and my baby has a cough. Please send someone.",
            "Thank you to the caretaker for clearing the bin store so quickly.",
            "Can you tell me when the communal windows are next cleaned?",
            "I am unhappy with your stage 1 response and want my complaint reviewed at stage 2.",
            "My boiler has been broken for a week and nobody has called me back."};
        for (int i = 0; i < total; i++) {
            byte[] raw;
            if (i % 2 == 0) {
                raw = unique(fixtures.get((i / 2) % fixtures.size()), i);
            } else {
                String text = complaints[i % complaints.length] + "\n\nOn Mon, 2 Nov 2026 at 09:00, Housing <x@bench.example> wrote:\n> earlier";
                String body = switch (i % 3) {
                    case 0 -> "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text;
                    case 1 -> "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>" + text.replace("\n", "<br>") + "</p>";
                    default -> "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                            + text + "\r\n--b\r\nContent-Type: image/jpeg; name=photo.jpg\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                            + "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==\r\n--b--";
                };
                raw = ("From: Resident " + i + " <resident" + i + "@bench.example>\r\nTo: complaints@bench.example\r\n"
                        + "Subject: Complaint " + i + "\r\nDate: Fri, 20 Nov 2026 10:00:00 +0000\r\n"
                        + "Message-ID: <bench-" + i + "@bench.example>\r\nMIME-Version: 1.0\r\n" + body + "\r\n")
                        .getBytes(StandardCharsets.UTF_8);
            }
            mails.add(raw);
        }
        return mails;
    }

    /** A fixture as another delivery: its own Message-ID, so it is a distinct mail, not a re-delivery. */
    static byte[] unique(byte[] fixture, int i) {
        String text = new String(fixture, StandardCharsets.ISO_8859_1);
        String id = "Message-ID: <bench-fixture-" + i + "@bench.example>";
        String replaced = text.replaceFirst("(?im)^Message-ID:[^\\r\\n]*(\\r?\\n[ \\t][^\\r\\n]*)*", id);
        if (replaced.equals(text)) {
            replaced = id + "\r\n" + text;
        }
        return replaced.getBytes(StandardCharsets.ISO_8859_1);
    }

    static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
