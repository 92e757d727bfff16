package uk.hearth.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.hearth.channel.spi.ChannelTestKit;
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;

/**
 * Every file in fixtures/mime, read as the intake route reads a mail and mapped through the channel test kit, becomes
 * a message or an explained rejection, never an exception.
 */
class MimeFixturesTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/mime");
    static final Instant ARRIVED = Instant.parse("2026-11-20T10:00:00Z");
    /** A polled mailbox has no request to verify: the kit maps what the route has read. */
    static final ChannelTestKit<EmailMapping.Mail> KIT = ChannelTestKit.of(null, request -> {
        throw new UnsupportedOperationException("mail is read from the mailbox, not posted");
    }, new EmailMapping()).at(ARRIVED);

    static ChannelTestKit.Received receive(byte[] raw, Instant arrived) throws Exception {
        ParsedEmail parsed = new MimeReader(1_000_000).read(raw, arrived);
        return KIT.at(arrived).map(new EmailMapping.Mail(parsed, "test@mailbox/INBOX", EmailMapping.headerBlock(raw)));
    }

    static Map<String, ChannelTestKit.Received> all() throws Exception {
        Map<String, ChannelTestKit.Received> mapped = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(p -> p.toString().matches(".*\\.(eml|raw)$")).sorted().toList()) {
                mapped.put(file.getFileName().toString(), receive(Files.readAllBytes(file), ARRIVED));
            }
        }
        return mapped;
    }

    @Test
    void everyFixtureBecomesAMessageOrAnExplainedRejection() throws Exception {
        Map<String, ChannelTestKit.Received> all = all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(53);
        all.forEach((name, m) -> {
            assertThat(m.refused()).isFalse();
            if (m.unreadable() != null) {
                System.out.printf("%-70s REJECTED: %s%n", name, m.unreadable());
                assertThat(m.events()).isEmpty();
                return;
            }
            InboundMessage msg = m.message();
            System.out.printf("%-70s %s%n", name, (msg.notice() == null ? "message"
                    : msg.notice().kind() + " (" + msg.notice().detail() + ")")
                    + " | " + msg.attachments().size() + " files | " + abbreviate(msg.text()));
        });
    }

    @Test
    void deliveryReportsAreBouncesNamingTheReturnedMessage() throws Exception {
        Map<String, ChannelTestKit.Received> all = all();
        for (String name : List.of("flanker__bounce__gmail-invalid-address.eml", "flanker__bounce__mailbox-full.eml",
                "flanker__bounce__office365.eml", "flanker__bounce__delayed.eml",
                "mikel-mail__multipart_report_emails__multi_address_bounce1.eml",
                "nodemailer-mailparser__delivery-status.eml", "enmime__mail__multipart-wo-boundary.raw",
                "sisimai__lhost-exchange2003-01.eml", "sisimai__lhost-exim-01.eml", "sisimai__lhost-gmail-01.eml",
                "sisimai__lhost-office365-01.eml", "sisimai__lhost-outlook-01.eml", "sisimai__lhost-qmail-01.eml")) {
            assertThat(all.get(name).message().notice()).as(name).isNotNull()
                    .extracting(Notice::kind).isEqualTo(Notice.Kind.BOUNCE);
        }
        assertThat(all.get("flanker__bounce__office365.eml").message().inReplyTo()).isNotEmpty();
        assertThat(all.get("mikel-mail__multipart_report_emails__multi_address_bounce1.eml").message().inReplyTo())
                .isNotEmpty();
        // A warning that delivery is delayed is no failure: noted, never acknowledged, not a bounce.
        assertThat(all.get("mikel-mail__multipart_report_emails__report_422.eml").message().notice().kind())
                .isEqualTo(Notice.Kind.AUTO_REPLY);
    }

    @Test
    void autoRepliesAndReadReceiptsAreNeverAnsweredButPeopleAre() throws Exception {
        Map<String, ChannelTestKit.Received> all = all();
        for (int i = 1; i <= 6; i++) {
            String name = "sisimai__rfc3834-0" + i + ".eml";
            assertThat(all.get(name).message().notice()).as(name).isNotNull()
                    .extracting(Notice::kind).isEqualTo(Notice.Kind.AUTO_REPLY);
        }
        assertThat(all.get("flanker__disposition-notification.eml").message().notice().kind())
                .isEqualTo(Notice.Kind.AUTO_REPLY);
        for (String name : List.of("sisimai__is-not-bounce-01.eml", "mikel-mail__plain_emails__raw_email_reply.eml",
                "flanker__iphone.eml", "mikel-mail__attachment_emails__attachment_pdf.eml")) {
            assertThat(all.get(name).message().notice()).as(name).isNull();
        }
    }

    @Test
    void headersBodiesAndFilesAreReadAsMeant() throws Exception {
        Map<String, ChannelTestKit.Received> all = all();
        InboundMessage reply = all.get("mikel-mail__plain_emails__raw_email_reply.eml").message();
        assertThat(reply.inReplyTo()).isNotEmpty();
        assertThat(reply.messageId()).startsWith("<").endsWith(">");
        InboundMessage pdf = all.get("mikel-mail__attachment_emails__attachment_pdf.eml").message();
        assertThat(pdf.attachments()).anySatisfy(a -> {
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.size()).isPositive();
            assertThat(a.content()).isNotNull();
        });
        InboundMessage iphone = all.get("flanker__iphone.eml").message();
        assertThat(iphone.attachments()).anySatisfy(a -> assertThat(a.contentType()).startsWith("image/"));
        assertThat(all.get("flanker__bilingual-simple.eml").message().subject()).doesNotContain("=?");
        assertThat(all.get("enmime__mail__qp-utf8-header.raw").message().subject()).doesNotContain("=?");
        assertThat(all.get("mikel-mail__error_emails__bad_encoded_subject.eml").message().text()).contains("TEST");
        assertThat(all.get("mikel-mail__multi_charset__ks_c_5601-1987.eml").message().text()).doesNotContain("\uFFFD");
        assertThat(all.get("nodemailer-mailparser__spam.eml").message().text()).doesNotContain("<html", "<div");
    }

    @Test
    void anOversizedFileIsListedButNotKept() throws Exception {
        byte[] raw = Files.readAllBytes(DIR.resolve("mikel-mail__attachment_emails__attachment_pdf.eml"));
        ParsedEmail parsed = new MimeReader(10).read(raw, ARRIVED);
        assertThat(parsed.attachments()).anySatisfy(a -> {
            assertThat(a.content()).isNull();
            assertThat(a.size()).isGreaterThan(10);
            assertThat(a.note()).contains("limit");
        });
    }

    @Test
    void theSameMailHasTheSameKeyAndAnotherDeliveryOfTheSameWordsTheSameContent() throws Exception {
        byte[] raw = Files.readAllBytes(DIR.resolve("flanker__iphone.eml"));
        InboundMessage once = receive(raw, ARRIVED).message();
        InboundMessage again = receive(raw, ARRIVED.plusSeconds(60)).message();
        assertThat(again.externalId()).isEqualTo(once.externalId());
        String resent = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceFirst("(?im)^Message-Id:.*$", "Message-Id: <another@example.com>");
        InboundMessage other = receive(resent.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), ARRIVED).message();
        assertThat(other.externalId()).isNotEqualTo(once.externalId());
        assertThat(other.externalId().substring(0, 16)).isEqualTo(once.externalId().substring(0, 16));
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 60 ? flat.substring(0, 60) + "…" : flat;
    }
}
