package uk.hearth.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the resident wrote now: the text of a mail without the thread it quotes and without its signature.
 * Quote headers are recognised in the forms mail clients write them in many languages ("On ... wrote:",
 * "Le ... a écrit :", Outlook's From/Sent/To/Subject block, "-----Original Message-----"); a reply written below
 * or between quoted lines keeps its own lines. Everything is line-based, so a 1 MB quote costs milliseconds. If
 * stripping would leave nothing (a forward without a comment), the whole text is kept.
 */
final class ReplyText {
    private static final int HEADER_WINDOW = 3;
    private static final int MAX_HEADER_CHARS = 400;
    private static final int WRAPPED = 60;
    private static final Pattern WROTE = Pattern.compile("(?iu)(\\bwrote|\\bwrites|a écrit|\\bschrieb|escribió|"
            + "ha escrit|ha scritto|\\bschreef|\\bskrev|napisał\\(a\\)|napisała|napisał|\\bnapisal|написал[аи]?|"
            + "написав|пише|\\bpisze|작성|escreveu|kirjoitti|írta|yazdı|写道|寫道|のメッセージ|skrifaði)");
    private static final Pattern FROM = Pattern.compile("(?iu)^[*\\s]*(from|de|da|von|van|od|fra|från|frá|от|від|"
            + "发件人|寄件者|差出人|lähettäjä|feladó|kimden|afzender)[*\\s]*[:：]");
    private static final Pattern HEADER_FIELD = Pattern.compile("(?iu)^[*\\s]*(sent|date|to|subject|cc|envoyé|"
            + "envoyé le|à|a|objet|inviato|oggetto|gesendet|an|betreff|datum|verzonden|aan|onderwerp|wysłano|"
            + "wysłane|do|temat|sendt|til|emne|skickat|till|ämne|отправлено|кому|тема|发送时间|收件人|主题|enviado|"
            + "enviada|para|asunto|assunto|data|copie à|message du)[*\\s]*[:：]");
    private static final Pattern ORIGINAL = Pattern.compile("(?iu)^[\\s>]*-{2,}\\s*(original message|"
            + "oorspronkelijk bericht|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|"
            + "původní zpráva|opprinnelig melding|originalmeddelande|alkuperäinen viesti|исходное сообщение|"
            + "wiadomość oryginalna)\\s*-{2,}\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*([-_=*]{5,}|message du\\s*:.*)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD = Pattern.compile("(?iu)^\\s*(-+\\s*forwarded message\\s*-+|"
            + "begin forwarded message:|-+\\s*weitergeleitete nachricht\\s*-+|-+\\s*message transféré\\s*-+|"
            + "-+\\s*mensaje reenviado\\s*-+)\\s*$");
    private static final Pattern DATE_AND_ADDRESS = Pattern.compile("^.*\\d.*<[^<>\\s]+@[^<>\\s]+>\\s*:\\s*$");
    private static final Pattern SIGNATURE_DASHES = Pattern.compile("^(-- ?|--|_{2,})\\s*$");
    private static final Pattern MOBILE = Pattern.compile("(?iu)^\\s*(sent from|sent with|sent using|sent via|"
            + "get outlook for|envoyé de mon|envoyé depuis|von meinem|gesendet von|enviado desde|enviado do|"
            + "verstuurd vanaf|sendt fra|skickat från|inviato da|wysłane z)\\b[^,.!?]{0,60}$");

    private ReplyText() {
    }

    /** The reply without quotes or signature; the whole text when that would leave nothing. */
    static String visible(String text) {
        return withoutSignature(withoutQuotes(text));
    }

    static String withoutQuotes(String text) {
        List<String> lines = lines(text);
        int forward = indexOf(lines, FORWARD);
        int limit = forward < 0 ? lines.size() : forward;
        int[] header = quoteHeader(lines, limit);
        List<String> kept = new ArrayList<>();
        if (header == null) {
            kept.addAll(lines);
        } else {
            kept.addAll(lines.subList(0, header[0]));
            kept.addAll(writtenBelow(lines, header[1] + 1));
        }
        String result = trimTrailingQuote(kept);
        return result.isBlank() ? String.join("\n", lines).strip() : result;
    }

    static String withoutSignature(String text) {
        List<String> lines = lines(text);
        int cut = lines.size();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (SIGNATURE_DASHES.matcher(line).matches() || MOBILE.matcher(line).matches()) {
                cut = i;
                break;
            }
        }
        String result = String.join("\n", lines.subList(0, cut)).strip();
        return result.isBlank() ? text.strip() : result;
    }

    /** @return the first and last line of the first quote header before {@code limit}, or null */
    private static int[] quoteHeader(List<String> lines, int limit) {
        for (int i = 0; i < limit; i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith(">") || line.length() > MAX_HEADER_CHARS) {
                continue;
            }
            if (ORIGINAL.matcher(line).matches()) {
                return new int[] {i, i};
            }
            if (FROM.matcher(line).find() && fieldFollows(lines, i + 1)) {
                return new int[] {separatorAbove(lines, i), i};
            }
            if (!hasDigit(line) && !line.contains("@")) {
                continue;
            }
            StringBuilder window = new StringBuilder();
            for (int j = i; j < Math.min(limit, i + HEADER_WINDOW); j++) {
                String next = lines.get(j);
                if (j > i && (next.isBlank() || next.startsWith(">") && next.length() > 3)) {
                    break;
                }
                window.append(j > i ? " " : "").append(next.strip());
                if (isWroteHeader(window.toString())) {
                    return new int[] {shrink(lines, i, j), j};
                }
            }
        }
        return null;
    }

    /** A window that matched may have picked up the line above ("Hi,"): start where the header itself starts. */
    private static int shrink(List<String> lines, int first, int last) {
        int start = first;
        while (start < last && hasDigit(lines.get(start + 1))
                && isWroteHeader(String.join(" ", lines.subList(start + 1, last + 1)).strip())) {
            start++;
        }
        return start;
    }

    private static boolean hasDigit(String line) {
        return line.chars().anyMatch(Character::isDigit);
    }

    private static boolean isWroteHeader(String candidate) {
        if (candidate.length() > MAX_HEADER_CHARS) {
            return false;
        }
        String s = candidate.strip();
        if (!(s.endsWith(":") || s.endsWith("：") || s.endsWith("写道") || s.endsWith("寫道"))) {
            return false;
        }
        boolean dated = s.chars().anyMatch(Character::isDigit);
        boolean addressed = s.contains("@");
        if (WROTE.matcher(s).find()) {
            return dated || addressed;
        }
        return DATE_AND_ADDRESS.matcher(s).matches();
    }

    private static boolean fieldFollows(List<String> lines, int from) {
        int seen = 0;
        for (int i = from; i < lines.size() && seen < 4; i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            if (HEADER_FIELD.matcher(lines.get(i)).find()) {
                return true;
            }
            seen++;
        }
        return false;
    }

    /** Outlook and webmail put a rule or "Message du :" above the From line: the quote starts there. */
    private static int separatorAbove(List<String> lines, int from) {
        int start = from;
        int looked = 0;
        for (int i = from - 1; i >= 0 && looked < 3; i--) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            looked++;
            if (SEPARATOR.matcher(line).matches() || ORIGINAL.matcher(line).matches()
                    || MOBILE.matcher(line).matches()) {
                start = i;
            } else {
                break;
            }
        }
        return start;
    }

    /** Lines the sender wrote after the quote header between or below quoted lines (bottom-posting). */
    private static List<String> writtenBelow(List<String> lines, int from) {
        int firstContent = from;
        while (firstContent < lines.size() && lines.get(firstContent).isBlank()) {
            firstContent++;
        }
        if (firstContent >= lines.size() || !lines.get(firstContent).startsWith(">")) {
            return List.of();
        }
        List<String> own = new ArrayList<>();
        boolean continuation = false;
        for (int i = firstContent; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(">")) {
                // A long quoted line followed directly by an unquoted one was wrapped by the mailer, not answered.
                continuation = line.length() >= WRAPPED;
            } else if (line.isBlank()) {
                continuation = false;
                own.add(line);
            } else if (!continuation) {
                own.add(line);
            }
        }
        return own.stream().allMatch(String::isBlank) ? List.of() : List.of(("\n" + String.join("\n", own)).split("\n", -1));
    }

    private static String trimTrailingQuote(List<String> kept) {
        int end = kept.size();
        while (end > 0 && (kept.get(end - 1).isBlank() || kept.get(end - 1).startsWith(">"))) {
            end--;
        }
        return String.join("\n", kept.subList(0, end)).strip();
    }

    private static int indexOf(List<String> lines, Pattern pattern) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).length() <= MAX_HEADER_CHARS && pattern.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> lines(String text) {
        String normal = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        for (String line : normal.split("\n", -1)) {
            lines.add(line.replaceAll("\\s+$", ""));
        }
        return lines;
    }

}
