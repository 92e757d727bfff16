package uk.hearth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The email channel end to end against a real IMAP and SMTP server (GreenMail): mail in the mailbox → inbox →
 * case → threaded acknowledgement; replies, auto-replies, bounces, re-deliveries and outages. Run once per database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:it/common.properties", properties = {
        "hearth.channels.email.imap.host=127.0.0.1",
        "hearth.channels.email.imap.protocol=imap",
        "hearth.channels.email.imap.username=hearth",
        "hearth.channels.email.imap.password=secret",
        "hearth.channels.email.imap.poll-interval=300",
        "hearth.channels.email.imap.initial-delay=500",
        "hearth.channels.email.auto-reply-cap.max=3"})
@Import(DatabaseOutage.class)
// Both database variants poll the same GreenMail mailbox: close each application once its class is done, so
// one suite's poller never takes the other's mail.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class EmailScenarios {
    static final String MAILBOX = "complaints@test-homes.example";
    static final String PROCESSED = "Hearth/Processed";
    static final String FAILED = "Hearth/Failed";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Session SESSION = Session.getInstance(utf8());

    /** Raw fixtures carry UTF-8 headers (RFC 6532): read them as such so the mailbox holds what was sent. */
    static Properties utf8() {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.SMTP.port(freePort()), ServerSetupTest.IMAP.port(freePort())})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, "hearth", "secret"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServers(DynamicPropertyRegistry registry) {
        registry.add("hearth.channels.email.smtp.port", () -> greenMail.getSmtp().getPort());
        registry.add("hearth.channels.email.imap.port", () -> greenMail.getImap().getPort());
    }

    static int freePort() {
        return HearthIT.freePort();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(port);
    }

    @Test
    void aMailBecomesACaseWithAThreadedAcknowledgementAndAReplyJoinsIt() throws Exception {
        String resident = unique("ann") + "@example.org";
        String messageId = "<" + unique("m") + "@example.org>";
        deliver(mail(resident, "Ann Jones", "Leaking roof", messageId, null,
                "The roof over my bedroom has been leaking for three weeks and nobody has come to fix it. "
                        + "I reported it twice. I want to complain.\n\nOn Mon, 2 Nov 2026 at 09:00, Housing "
                        + "<repairs@test-homes.example> wrote:\n> We will send someone soon.\n"));

        String reference = awaitCaseOf(resident);
        MimeMessage ack = awaitMail(resident, 1)[0];
        assertThat(ack.getSubject()).isEqualTo("Re: Leaking roof [" + reference + "]");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo(messageId);
        assertThat(ack.getHeader("References", null)).contains(messageId);
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(ack.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
        String ackId = ack.getMessageID();
        assertThat(ackId).startsWith("<hearth.").endsWith("@test-homes.example>");
        JsonNode found = caseJson(reference);
        assertThat(found.path("channel").asText()).isEqualTo("email");
        assertThat(found.path("messages").get(0).path("text").asText())
                .contains("leaking for three weeks").doesNotContain("We will send someone soon");
        await().atMost(Duration.ofSeconds(20)).until(() -> folderCount(PROCESSED, messageId) == 1);
        assertThat(folderCount("INBOX", messageId)).isZero();

        deliver(mail(resident, "Ann Jones", "Re: Leaking roof [" + reference + "]", "<" + unique("r") + "@example.org>",
                ackId, "Thank you. Also the ceiling is now stained.\n\n> " + reference));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(caseJson(reference).path("events").findValuesAsText("type")).contains("follow_up"));
        assertThat(casesOf(resident)).containsOnly(reference);
        assertThat(mailsTo(resident)).hasSize(1);
    }

    @Test
    void aReferenceQuotedBySomeoneElseDoesNotJoinTheirMailToTheCase() throws Exception {
        String resident = unique("bea") + "@example.org";
        deliver(mail(resident, "Bea", "Broken gate", "<" + unique("m") + "@example.org>", null,
                "The communal gate has been broken for a month and anyone can walk in."));
        String reference = awaitCaseOf(resident);
        String stranger = unique("cal") + "@example.org";
        deliver(mail(stranger, "Cal", "About " + reference, "<" + unique("m") + "@example.org>", null,
                "Regarding " + reference + ": my gate is broken too."));
        String other = awaitCaseOf(stranger);
        assertThat(other).isNotEqualTo(reference);
        assertThat(caseJson(other).path("staffAttention").asText()).contains("another contact");
    }

    @Test
    void autoRepliesAndBouncesAreNotedOnTheCaseAndNeverAcknowledged() throws Exception {
        String resident = unique("dee") + "@example.org";
        deliver(mail(resident, "Dee", "Mould", "<" + unique("m") + "@example.org>", null,
                "There is black mould spreading across the bathroom wall and my son has asthma."));
        String reference = awaitCaseOf(resident);
        String ackId = awaitMail(resident, 1)[0].getMessageID();

        deliver(mail(resident, "Dee", "Automatic reply: Mould", "<" + unique("oof") + "@example.org>", ackId,
                "I am away until Monday.", "Auto-Submitted: auto-replied"));
        String dsn = """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
                To: %s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%s@mx.example.org>
                Date: Fri, 20 Nov 2026 10:00:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B"

                --B
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.
                --B
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.org

                Final-Recipient: rfc822; %s
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 mailbox unavailable
                --B
                Content-Type: text/rfc822-headers

                From: %s
                To: %s
                Subject: Re: Mould [%s]
                Message-ID: %s
                --B--
                """.formatted(MAILBOX, unique("dsn"), resident, MAILBOX, resident, reference, ackId);
        deliver(dsn.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode found = caseJson(reference);
            assertThat(found.path("events").findValuesAsText("type")).contains("auto_reply", "bounced", "bounce");
            assertThat(found.path("messages").findValuesAsText("deliveryState")).contains("failed");
        });
        assertThat(mailsTo(resident)).hasSize(1);
        assertThat(mailsTo("MAILER-DAEMON@mx.example.org")).isEmpty();
        assertThat(casesOf(resident)).containsOnly(reference);
    }

    @Test
    void theSameMailDeliveredTwiceMakesOneCaseAndTheSameWordsAgainAreASuspectedDuplicate() throws Exception {
        String resident = unique("eve") + "@example.org";
        String messageId = "<" + unique("m") + "@example.org>";
        byte[] raw = mail(resident, "Eve", "Bins", messageId, null,
                "The bins have not been collected from our block for three weeks.");
        deliver(raw);
        String reference = awaitCaseOf(resident);
        await().atMost(Duration.ofSeconds(20)).until(() -> folderCount(PROCESSED, messageId) == 1);
        deliver(raw);
        await().atMost(Duration.ofSeconds(20)).until(() -> folderCount(PROCESSED, messageId) == 2);
        deliver(mail(resident, "Eve", "Bins", "<" + unique("again") + "@example.org>", null,
                "The bins have not been collected from our block for three weeks."));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                caseJson(reference).path("events").findValuesAsText("type"))
                .contains("email_redelivered", "suspected_duplicate"));
        assertThat(casesOf(resident)).containsOnly(reference);
        assertThat(jdbc.sql("select count(*) from inbound_message where sender_email = ?").param(resident)
                .query(Long.class).single()).isEqualTo(2);
        dispatchSettles();
        assertThat(mailsTo(resident)).hasSize(1);
    }

    @Test
    void aMailFetchedWhileTheDatabaseIsDownStaysInTheMailboxAndIsProcessedWhenItReturns() throws Exception {
        String resident = unique("fay") + "@example.org";
        String messageId = "<" + unique("m") + "@example.org>";
        DatabaseOutage.Switch database = (DatabaseOutage.Switch) dataSource;
        database.goDown();
        try {
            deliver(mail(resident, "Fay", "Heating", messageId, null, "My heating has not worked since Friday."));
            // Several polls fetch it and fail to commit it: it must stay in the inbox, unmarked.
            Thread.sleep(2500);
            assertThat(folderCount("INBOX", messageId)).isEqualTo(1);
            assertThat(folderCount(PROCESSED, messageId)).isZero();
        } finally {
            database.comeBack();
        }
        awaitCaseOf(resident);
        await().atMost(Duration.ofSeconds(20)).until(() -> folderCount(PROCESSED, messageId) == 1);
        awaitMail(resident, 1);
    }

    @Test
    void aMailCommittedByANodeThatStoppedBeforeMovingItIsNotProcessedTwice() throws Exception {
        String resident = unique("gus") + "@example.org";
        String messageId = "<" + unique("m") + "@example.org>";
        byte[] raw = mail(resident, "Gus", "Fence", messageId, null, "The fence panel blew down in the storm.");
        // What the node did before it stopped: the inbox row is committed; the mailbox was never told.
        commitAsIfANodeStopped(raw);
        deliver(raw);

        await().atMost(Duration.ofSeconds(20)).until(() -> folderCount(PROCESSED, messageId) == 1);
        assertThat(casesOf(resident)).hasSize(1);
        awaitMail(resident, 1);
        dispatchSettles();
        assertThat(mailsTo(resident)).hasSize(1);
    }

    /**
     * GreenMail offers MOVE (RFC 6851), so stored mails leave the inbox with it: expunged from the inbox without ever
     * being flagged deleted there, which camel-mail's own copy-then-delete would do to every mail.
     */
    @Test
    void storedMailsLeaveTheInboxWithImapMoveNotByCopyAndDelete() throws Exception {
        MailFolder inbox = greenMail.getManagers().getImapHostManager()
                .getInbox(greenMail.getUserManager().getUser("hearth"));
        List<Long> flaggedDeleted = new CopyOnWriteArrayList<>();
        AtomicInteger expunged = new AtomicInteger();
        FolderListener watch = new FolderListener() {
            @Override
            public void expunged(int msn) {
                expunged.incrementAndGet();
            }

            @Override
            public void added(int msn) {
            }

            @Override
            public void flagsUpdated(int msn, jakarta.mail.Flags flags, Long uid) {
                if (flags.contains(jakarta.mail.Flags.Flag.DELETED)) {
                    flaggedDeleted.add(uid);
                }
            }

            @Override
            public void mailboxDeleted() {
            }
        };
        inbox.addListener(watch);
        try {
            String resident = unique("hal") + "@example.org";
            List<String> ids = List.of("<" + unique("m1") + "@example.org>", "<" + unique("m2") + "@example.org>",
                    "<" + unique("m3") + "@example.org>");
            for (int i = 0; i < ids.size(); i++) {
                deliver(mail(resident, "Hal", "Damp " + i, ids.get(i), null,
                        "Damp is coming through the wall of flat " + i + " and the paper is peeling off."));
            }
            for (String id : ids) {
                await().atMost(Duration.ofSeconds(20)).until(() -> folderCount(PROCESSED, id) == 1);
                assertThat(folderCount("INBOX", id)).isZero();
            }
            assertThat(expunged.get()).isGreaterThanOrEqualTo(ids.size());
            assertThat(flaggedDeleted).isEmpty();
        } finally {
            inbox.removeListener(watch);
        }
    }

    @Test
    void everyMimeFixtureIsProcessedOrRejectedWithAReason() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("src/test/resources/fixtures/mime"))) {
            files = list.filter(p -> p.toString().matches(".*\\.(eml|raw)$")).sorted().toList();
        }
        // Mail other tests delivered may still be on its way out of the inbox: count from a settled mailbox.
        await().atMost(Duration.ofSeconds(60)).until(() -> folderCount("INBOX", null) == 0);
        long before = rejections();
        int processedBefore = folderCount(PROCESSED, null);
        int failedBefore = folderCount(FAILED, null);
        for (Path file : files) {
            deliver(Files.readAllBytes(file));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> folderCount("INBOX", null) == 0);
        int processed = folderCount(PROCESSED, null) - processedBefore;
        int failed = folderCount(FAILED, null) - failedBefore;
        assertThat(processed + failed).isEqualTo(files.size());
        assertThat(rejections() - before).isEqualTo(failed);
        assertThat(browser.get("/actuator/prometheus").body())
                .contains("hearth_email_polled_total", "hearth_email_processed_total", "hearth_email_bounce_total",
                        "hearth_email_auto_reply_total");
    }

    @Test
    void healthShowsTheMailboxWithItsLastSuccessfulPoll() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> health = browser.get("/actuator/health");
            JsonNode email = JSON.readTree(health.body()).path("components").path("email");
            assertThat(email.path("status").asText()).isEqualTo("UP");
            assertThat(email.path("details").path("lastSuccessfulPoll").asText()).isNotEqualTo("never");
        });
    }

    // --- helpers --------------------------------------------------------------------------------

    @Autowired
    org.springframework.context.ApplicationContext context;

    void commitAsIfANodeStopped(byte[] raw) throws Exception {
        Object intake = context.getBean("emailIntake");
        var accept = intake.getClass().getDeclaredMethod("accept", byte[].class, Instant.class);
        accept.setAccessible(true);
        accept.invoke(intake, raw, Instant.now());
    }

    void dispatchSettles() throws InterruptedException {
        // The dispatcher polls every 200 ms (it/common.properties): give it a few rounds to send anything extra.
        Thread.sleep(1500);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static byte[] mail(String from, String name, String subject, String messageId, String inReplyTo, String body,
                       String... headers) {
        StringBuilder raw = new StringBuilder()
                .append("From: ").append(name).append(" <").append(from).append(">\r\n")
                .append("To: ").append(MAILBOX).append("\r\n")
                .append("Subject: ").append(subject).append("\r\n")
                .append("Date: ").append(new jakarta.mail.internet.MailDateFormat().format(new java.util.Date()))
                .append("\r\n")
                .append("Message-ID: ").append(messageId).append("\r\n");
        if (inReplyTo != null) {
            raw.append("In-Reply-To: ").append(inReplyTo).append("\r\nReferences: ").append(inReplyTo).append("\r\n");
        }
        for (String header : headers) {
            raw.append(header).append("\r\n");
        }
        raw.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n")
                .append(body.replace("\n", "\r\n")).append("\r\n");
        return raw.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void deliver(byte[] raw) throws Exception {
        GreenMailUser user = greenMail.getUserManager().getUser("hearth");
        user.deliver(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
    }

    /** Messages in a folder of the mailbox, all of them or those with a Message-ID. */
    static int folderCount(String name, String messageId) throws Exception {
        Store store = SESSION.getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), "hearth", "secret");
        try {
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return 0;
            }
            folder.open(Folder.READ_ONLY);
            try {
                int count = 0;
                for (jakarta.mail.Message m : folder.getMessages()) {
                    try {
                        if (m.isSet(jakarta.mail.Flags.Flag.DELETED)) {
                            continue;
                        }
                        String[] ids = m.getHeader("Message-ID");
                        if (messageId == null || ids != null && messageId.equals(ids[0].strip())) {
                            count++;
                        }
                    } catch (jakarta.mail.MessageRemovedException movedMeanwhile) {
                        // The service moved it while we counted: it is no longer in this folder.
                    }
                }
                return count;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    long rejections() {
        return jdbc.sql("select count(*) from email_rejection").query(Long.class).single();
    }

    List<String> casesOf(String email) {
        return jdbc.sql("""
                select distinct c.reference from inbound_message i join case_file c on c.id = i.case_id
                where i.sender_email = ?""").param(email).query(String.class).list();
    }

    String awaitCaseOf(String email) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !casesOf(email).isEmpty());
        return casesOf(email).get(0);
    }

    static MimeMessage[] awaitMail(String address, int count) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).length >= count);
        return mailsTo(address);
    }

    /** Mail GreenMail received for an address (by the raw To header: fixtures send to odd addresses too). */
    static MimeMessage[] mailsTo(String address) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            String[] to = m.getHeader("To");
            if (to != null && to[0].toLowerCase(java.util.Locale.ROOT).contains(address.toLowerCase(java.util.Locale.ROOT))) {
                found.add(m);
            }
        }
        return found.toArray(new MimeMessage[0]);
    }

    JsonNode caseJson(String reference) throws Exception {
        HttpResponse<String> response = browser.get("/api/v1/cases/" + reference, "test-key-crm");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
