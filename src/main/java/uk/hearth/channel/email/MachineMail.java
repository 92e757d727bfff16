package uk.hearth.channel.email;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.hearth.message.Notice;

/**
 * Recognises mail that no person wrote and nobody should answer (RFC 3834 auto-replies, out-of-office, list
 * and bulk mail, read receipts, delivery reports), and for a bounce the Message-IDs of the mail it returns. A
 * mail recognised here is kept on its case and never acknowledged: answering it would start a mail loop.
 */
final class MachineMail {
    private static final Pattern AUTO_SUBJECT = Pattern.compile("(?iu)^\\s*(auto(matic)?[ -]?reply|auto:|"
            + "out of (the )?office|abwesenheitsnotiz|automatische antwort|réponse automatique|"
            + "respuesta automática|risposta automatica|automatisch antwoord|autosvar|automaattinen vastaus)");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?iu)(undeliver|undelivered|delivery status "
            + "notification|delivery failure|delivery has failed|failure notice|returned mail|mail delivery failed|"
            + "could not be delivered|non[- ]?delivery|unzustellbar|non remis|no se puede entregar)");
    private static final Pattern DAEMON = Pattern.compile("(?i)^(mailer-daemon|postmaster|mail-daemon|"
            + "mailerdaemon|bounce[s]?|mdaemon)@");
    private static final Pattern BODY_MESSAGE_ID = Pattern.compile("(?im)^[ \\t>]*Message-ID:\\s*(<[^<>\\s]+>)");
    private static final Pattern STATUS = Pattern.compile("(?im)^\\s*Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern ACTION = Pattern.compile("(?im)^\\s*Action:\\s*([a-z]+)");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^\\s*Diagnostic-Code:\\s*(.+)$");
    private static final Pattern TEXT_STATUS = Pattern.compile("\\b([45]\\d\\d)?[ -]?#?([45]\\.\\d{1,3}\\.\\d{1,3})\\b");
    private static final int DETAIL_MAX = 300;

    private MachineMail() {
    }

    /** @return why nobody should answer this mail, or null when a person wrote it */
    static Notice notice(ParsedEmail mail) {
        String report = lower(mail.reportType());
        if ("multipart/report".equals(mail.contentType()) && report.contains("disposition-notification")) {
            return new Notice(Notice.Kind.AUTO_REPLY, "read receipt (disposition notification)");
        }
        if (isBounce(mail, report)) {
            return delayedOnly(mail) ? new Notice(Notice.Kind.AUTO_REPLY, "delivery delayed, not failed: "
                    + bounceDetail(mail)) : new Notice(Notice.Kind.BOUNCE, bounceDetail(mail));
        }
        String why = autoReply(mail);
        return why == null ? null : new Notice(Notice.Kind.AUTO_REPLY, why);
    }

    /** The Message-IDs a bounce names: the returned headers, its thread headers, Message-ID lines in its text. */
    static List<String> bouncedIds(ParsedEmail mail) {
        Set<String> ids = new LinkedHashSet<>(mail.originalMessageIds());
        ids.addAll(mail.threadIds());
        Matcher m = BODY_MESSAGE_ID.matcher(mail.text());
        while (m.find()) {
            ids.add(m.group(1));
        }
        for (var attachment : mail.attachments()) {
            if (attachment.content() != null && attachment.contentType() != null
                    && attachment.contentType().startsWith("message/")) {
                Matcher inner = BODY_MESSAGE_ID.matcher(new String(attachment.content(),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
                if (inner.find()) {
                    ids.add(inner.group(1));
                }
            }
        }
        if (mail.messageId() != null) {
            ids.remove(mail.messageId());
        }
        return new ArrayList<>(ids);
    }

    private static boolean isBounce(ParsedEmail mail, String report) {
        if ("multipart/report".equals(mail.contentType()) && (report.contains("delivery-status") || report.isEmpty()
                && daemon(mail))) {
            return true;
        }
        if (mail.hasHeader("x-failed-recipients")) {
            return true;
        }
        String subject = mail.subject() == null ? "" : mail.subject();
        boolean bounceSubject = BOUNCE_SUBJECT.matcher(subject).find();
        return bounceSubject && (daemon(mail) || emptyReturnPath(mail));
    }

    private static boolean daemon(ParsedEmail mail) {
        return mail.fromEmail() != null && DAEMON.matcher(mail.fromEmail()).find();
    }

    private static boolean emptyReturnPath(ParsedEmail mail) {
        String returnPath = mail.header("return-path");
        return returnPath != null && returnPath.replaceAll("[\\s<>]", "").isEmpty();
    }

    private static boolean delayedOnly(ParsedEmail mail) {
        Matcher m = ACTION.matcher(mail.deliveryStatus());
        boolean any = false;
        while (m.find()) {
            any = true;
            if (!m.group(1).equalsIgnoreCase("delayed")) {
                return false;
            }
        }
        return any;
    }

    private static String autoReply(ParsedEmail mail) {
        String autoSubmitted = mail.header("auto-submitted");
        if (autoSubmitted != null && !lower(autoSubmitted).startsWith("no")) {
            return "Auto-Submitted: " + autoSubmitted;
        }
        for (String header : List.of("x-autoreply", "x-autorespond", "x-autoresponder", "x-auto-response-suppress")) {
            if (mail.hasHeader(header)) {
                return header + ": " + mail.header(header);
            }
        }
        String precedence = lower(mail.header("precedence"));
        if (precedence.contains("bulk") || precedence.contains("junk") || precedence.contains("list")
                || precedence.contains("auto_reply")) {
            return "Precedence: " + precedence;
        }
        if (emptyReturnPath(mail)) {
            return "empty Return-Path (a machine's mail)";
        }
        if (daemon(mail)) {
            return "sent by " + mail.fromEmail();
        }
        if (mail.subject() != null && AUTO_SUBJECT.matcher(mail.subject()).find()) {
            return "subject reads as an automatic reply";
        }
        return null;
    }

    private static String bounceDetail(ParsedEmail mail) {
        List<String> parts = new ArrayList<>();
        Matcher status = STATUS.matcher(mail.deliveryStatus());
        if (status.find()) {
            parts.add("status " + status.group(1));
        }
        Matcher diagnostic = DIAGNOSTIC.matcher(mail.deliveryStatus());
        if (diagnostic.find()) {
            parts.add(diagnostic.group(1).strip());
        }
        if (parts.isEmpty()) {
            Matcher inText = TEXT_STATUS.matcher(mail.text());
            if (inText.find()) {
                parts.add("status " + inText.group(2) + (inText.group(1) == null ? "" : " (" + inText.group(1) + ")"));
            }
        }
        if (parts.isEmpty()) {
            parts.add(mail.subject() == null ? "delivery failure report" : mail.subject());
        }
        String detail = String.join("; ", parts).replaceAll("\\s+", " ");
        return detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) + "…" : detail;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
