package uk.hearth.channel.twilio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import uk.hearth.message.Attachment;

/**
 * Keeps the pictures and files residents send (photos of damp are evidence). Only media on Twilio's hosts are
 * fetched, with the account's credentials and a size limit; Twilio's answer may redirect to its media store, which
 * is followed once, without credentials. Anything else, larger, or unreachable is recorded as a link with the reason.
 */
final class TwilioMedia implements AutoCloseable {
    private static final int MAX_REDIRECTS = 2;

    private final CloseableHttpClient http;
    private final String authorization;
    private final long maxBytes;
    private final boolean fetch;

    TwilioMedia(CloseableHttpClient http, String accountSid, String authToken, long maxBytes, boolean fetch) {
        this.http = http;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.maxBytes = maxBytes;
        this.fetch = fetch;
    }

    List<Attachment> attachments(List<TwilioInboundMapper.MediaRef> media) {
        List<Attachment> attachments = new ArrayList<>();
        for (TwilioInboundMapper.MediaRef ref : media) {
            String name = "media-" + ref.index() + extension(ref.contentType());
            if (!isTwilioHost(ref.url())) {
                attachments.add(new Attachment(name, ref.contentType(), -1, ref.url(), null,
                        "not fetched: not on a Twilio host"));
            } else if (!fetch) {
                attachments.add(Attachment.linked(name, ref.contentType(), ref.url()));
            } else {
                attachments.add(fetch(name, ref));
            }
        }
        return attachments;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    static boolean isTwilioHost(String url) {
        try {
            URI uri = URI.create(url);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return "https".equalsIgnoreCase(uri.getScheme())
                    && (host.equals(TwilioHttp.API_HOST) || host.endsWith(".twilio.com"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Attachment fetch(String name, TwilioInboundMapper.MediaRef ref) {
        String url = ref.url();
        boolean credentials = true;
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                HttpGet get = new HttpGet(url);
                if (credentials) {
                    get.addHeader("Authorization", authorization);
                }
                Fetched fetched = http.execute(get, response -> read(response, ref.contentType()));
                if (fetched.redirect() == null) {
                    return fetched.attachment(name, ref.url());
                }
                URI next = URI.create(url).resolve(fetched.redirect());
                if (!"https".equalsIgnoreCase(next.getScheme())) {
                    return failed(name, ref, "redirected to a non-HTTPS address");
                }
                // Twilio's media store takes a signed URL: the account's credentials stay with Twilio's API.
                credentials = false;
                url = next.toString();
            }
            return failed(name, ref, "too many redirects");
        } catch (TooLarge e) {
            return new Attachment(name, ref.contentType(), e.size, ref.url(), null, "larger than the "
                    + megabytes(maxBytes) + " limit: kept at Twilio only");
        } catch (IOException | RuntimeException e) {
            return failed(name, ref, "could not fetch: " + e.getClass().getSimpleName());
        }
    }

    private static Attachment failed(String name, TwilioInboundMapper.MediaRef ref, String why) {
        return new Attachment(name, ref.contentType(), -1, ref.url(), null, why);
    }

    private record Fetched(int status, String redirect, String contentType, byte[] content) {
        Attachment attachment(String name, String url) {
            if (status != 200 || content == null) {
                return new Attachment(name, contentType, -1, url, null, "could not fetch: HTTP " + status);
            }
            return new Attachment(name, contentType, content.length, url, content, null);
        }
    }

    /** Thrown out of the response handler so the client drops the connection rather than read the rest. */
    private static final class TooLarge extends IOException {
        final long size;

        TooLarge(long size) {
            super("media larger than the limit");
            this.size = size;
        }
    }

    private Fetched read(ClassicHttpResponse response, String declaredType) throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        Header location = response.getFirstHeader("Location");
        if (status >= 300 && status < 400 && location != null) {
            return new Fetched(status, location.getValue(), declaredType, null);
        }
        String type = entity != null && entity.getContentType() != null
                ? entity.getContentType().split(";")[0].strip() : declaredType;
        if (status != 200 || entity == null) {
            return new Fetched(status, null, type, null);
        }
        long declaredLength = entity.getContentLength();
        if (declaredLength > maxBytes) {
            throw new TooLarge(declaredLength);
        }
        try (InputStream in = entity.getContent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge(-1);
                }
                out.write(buffer, 0, n);
            }
            return new Fetched(status, null, type, out.toByteArray());
        }
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    static String extension(String contentType) {
        if (contentType == null) {
            return "";
        }
        return switch (contentType.toLowerCase(Locale.ROOT)) {
            case "image/jpeg", "image/jpg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "video/mp4" -> ".mp4";
            case "video/3gpp" -> ".3gp";
            case "audio/ogg" -> ".ogg";
            case "audio/mpeg" -> ".mp3";
            case "audio/amr" -> ".amr";
            case "application/pdf" -> ".pdf";
            case "text/vcard", "text/x-vcard" -> ".vcf";
            default -> "";
        };
    }
}
