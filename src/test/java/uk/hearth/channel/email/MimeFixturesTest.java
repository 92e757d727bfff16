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
import uk.hearth.message.InboundMessage;
import uk.hearth.message.Notice;

/** Every file in fixtures/mime becomes a message or an explained rejection, never an exception. */
class MimeFixturesTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/mime");
    static final Instant ARRIVED = Instant.parse("2026-11-20T10:00:00Z");

    static Map<String, EmailMapping.Mapped> all() throws Exception {
        Map<String, EmailMapping.Mapped> mapped = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(p -> p.toString().matches(".*\\.(eml|raw)$")).sorted().toList()) {
                byte[] raw = Files.readAllBytes(file);
                ParsedEmail parsed = new MimeReader(1_000_000).read(raw, ARRIVED);
                mapped.put(file.getFileName().toString(),
                        EmailMapping.map(parsed, "test@mailbox/INBOX", ARRIVED, EmailMapping.headerBlock(raw)));
            }
        }
        return mapped;
    }

    @Test
    void everyFixtureBecomesAMessageOrAnExplainedRejection() throws Exception {
        Map<String, EmailMapping.Mapped> all = all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(53);
        all.forEach((name, m) -> {
            InboundMessage msg = m.message();
            System.out.printf("%-70s %s%n", name, msg == null ? "REJECTED: " + m.rejection()
                    : (msg.notice() == null ? "message" : msg.notice().kind() + " (" + msg.notice().detail() + ")")
                    + " | " + msg.attachments().size() + " files | " + abbreviate(msg.text()));
            assertThat(msg != null || m.rejection() != null).isTrue();
        });
    }

    @Test
    void deliveryReportsAreBouncesNamingTheReturnedMessage() throws Exception {
        Map<String, EmailMapping.Mapped> all = all();
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
        Map<String, EmailMapping.Mapped> all = all();
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
        Map<String, EmailMapping.Mapped> all = all();
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
        InboundMessage once = EmailMapping.map(new MimeReader(1_000_000).read(raw, ARRIVED), "m", ARRIVED, "").message();
        InboundMessage again = EmailMapping.map(new MimeReader(1_000_000).read(raw, ARRIVED.plusSeconds(60)), "m",
                ARRIVED.plusSeconds(60), "").message();
        assertThat(again.externalId()).isEqualTo(once.externalId());
        String resent = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceFirst("(?im)^Message-Id:.*$", "Message-Id: <another@example.com>");
        InboundMessage other = EmailMapping.map(new MimeReader(1_000_000).read(
                resent.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), ARRIVED), "m", ARRIVED, "").message();
        assertThat(other.externalId()).isNotEqualTo(once.externalId());
        assertThat(other.externalId().substring(0, 16)).isEqualTo(once.externalId().substring(0, 16));
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 60 ? flat.substring(0, 60) + "…" : flat;
    }
}
