package uk.hearth.infrastructure.ack;

import uk.hearth.complaint.Acknowledgements;

/** A rendered template's optional first line {@code Subject: ...} becomes the subject; blank runs are tidied. */
final class Subjects {
    private static final String SUBJECT = "Subject:";

    private Subjects() {
    }

    static Acknowledgements.Written split(String rendered) {
        // Optional blocks leave blank lines behind; keep at most one between paragraphs.
        String text = rendered.replace("\r\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
        if (text.startsWith(SUBJECT)) {
            int end = text.indexOf('\n');
            String subject = text.substring(SUBJECT.length(), end < 0 ? text.length() : end).strip();
            return new Acknowledgements.Written(subject, end < 0 ? "" : text.substring(end + 1).strip() + "\n");
        }
        return new Acknowledgements.Written(null, text + "\n");
    }
}
