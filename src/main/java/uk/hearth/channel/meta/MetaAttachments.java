package uk.hearth.channel.meta;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.hearth.infrastructure.Redaction;

/**
 * Copies the files of Meta messages into the inbox while Meta's links still work (story media expire within a
 * day, other links within days). Each message's files are fetched just after it is committed, off the webhook's
 * thread so Meta gets its answer at once; the {@code meta-attachments} route sweeps up any a restart or a Meta
 * hiccup left behind. Only files on Meta's own hosts are fetched, and no redirect leaves them.
 */
public final class MetaAttachments implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetaAttachments.class);
    /** The sweep leaves files stored in the last minute to the fetch that is already under way. */
    private static final Duration IN_HAND = Duration.ofMinutes(1);
    private static final int MAX_REDIRECTS = 3;

    private final MetaProperties.Attachments settings;
    private final MetaAttachmentStore store;
    private final HttpClient http;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor soon;

    MetaAttachments(MetaProperties.Attachments settings, MetaAttachmentStore store, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(settings.fetchTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        // Two fetchers at most; when the queue is full the sweep catches up with the rest.
        this.soon = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "meta-attachments");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
        this.soon.allowCoreThreadTimeOut(true);
    }

    /** A readable name: the file's own name when its link has one, else Meta's type ("image", "story_mention"). */
    static String nameFor(String type, String url) {
        try {
            String path = URI.create(url.replace(" ", "%20")).getPath();
            String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            return last.contains(".") && last.length() <= 200 ? last : type;
        } catch (IllegalArgumentException e) {
            return type;
        }
    }

    void fetchSoon(List<Long> inboundIds) {
        for (Long id : inboundIds) {
            soon.execute(() -> {
                try {
                    store.of(id).forEach(this::fetch);
                } catch (RuntimeException e) {
                    log.warn("Could not fetch the attachments of inbound message {} yet: {}", id,
                            Redaction.mask(e.toString()));
                }
            });
        }
    }

    /** Called by the sweep route: fetch what is still only a link, and give up on what is too old. */
    public int fetchDue(int limit) {
        Instant now = clock.instant();
        Instant oldest = now.minus(settings.giveUpAfter());
        int givenUp = store.giveUp(oldest, "not kept: not fetched within " + settings.giveUpAfter().toHours()
                + " hours; Meta's link has probably expired");
        if (givenUp > 0) {
            log.warn("Gave up fetching {} Meta attachments stored before {}", givenUp, oldest);
        }
        List<MetaAttachmentStore.Pending> due = store.due(oldest, now.minus(IN_HAND), limit);
        due.forEach(this::fetch);
        return due.size();
    }

    void fetch(MetaAttachmentStore.Pending pending) {
        String result;
        try {
            result = fetchOne(pending);
        } catch (IOException e) {
            result = "retry";
            log.info("Attachment {} not fetched yet ({}); the sweep will try again", pending.id(), e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            store.note(pending.id(), "not kept: Meta redirected to an invalid address");
            result = "gone";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        meters.counter("hearth." + pending.channel() + ".attachments", "result", result).increment();
    }

    private String fetchOne(MetaAttachmentStore.Pending pending) throws IOException, InterruptedException {
        if (!settings.keep()) {
            store.note(pending.id(), "link only: keeping copies is turned off (hearth.meta.attachments.keep);"
                    + " Meta's link expires");
            return "link_only";
        }
        URI uri;
        try {
            uri = URI.create(pending.url().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            store.note(pending.id(), "link only: not a valid address, so not fetched");
            return "not_meta";
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!allowed(uri)) {
                store.note(pending.id(), "link only: not on a Meta host, so not fetched");
                return "not_meta";
            }
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(settings.fetchTimeout())
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status / 100 == 3 && response.headers().firstValue("Location").isPresent()) {
                response.body().close();
                uri = uri.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            try (InputStream body = response.body()) {
                if (status == 200) {
                    return keep(pending, response, body);
                }
                if (status / 100 == 4 && status != 408 && status != 429) {
                    store.note(pending.id(), "not kept: Meta answered " + status + " (the link may have expired)");
                    return "gone";
                }
                throw new IOException("Meta answered " + status);
            }
        }
        store.note(pending.id(), "not kept: too many redirects");
        return "gone";
    }

    private String keep(MetaAttachmentStore.Pending pending, HttpResponse<InputStream> response, InputStream body)
            throws IOException {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        byte[] content = declared > settings.maxBytes() ? null : body.readNBytes((int) Math.min(
                settings.maxBytes() + 1, Integer.MAX_VALUE - 8));
        if (content == null || content.length > settings.maxBytes()) {
            store.note(pending.id(), "not kept: larger than " + settings.maxBytes() / (1024 * 1024) + " MB");
            return "too_large";
        }
        store.keep(pending.id(), content, response.headers().firstValue("Content-Type").orElse(null));
        return "kept";
    }

    /** Meta's hosts and their subdomains only: a shared link could point into our own network. */
    boolean allowed(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || host.isEmpty()) {
            return false;
        }
        return settings.hosts().stream().map(h -> h.toLowerCase(Locale.ROOT).strip())
                .anyMatch(h -> host.equals(h) || host.endsWith("." + h));
    }

    @Override
    public void close() {
        soon.shutdownNow();
    }
}
