package uk.hearth.message;

/**
 * A file that came with a message. Either its bytes were kept ({@code content}) or only where the provider
 * holds it ({@code url}); {@code size} is in bytes when known, else -1.
 *
 * @param note why the content was not kept, when it was not (over the size limit, fetch failed); else null
 */
public record Attachment(String name, String contentType, long size, String url, byte[] content, String note) {

    public static Attachment kept(String name, String contentType, byte[] content) {
        return new Attachment(name, contentType, content.length, null, content, null);
    }

    public static Attachment linked(String name, String contentType, String url) {
        return new Attachment(name, contentType, -1, url, null, null);
    }

    public static Attachment notKept(String name, String contentType, long size, String note) {
        return new Attachment(name, contentType, size, null, null, note);
    }
}
