import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load for Hearth's Meta webhook, and a stand-in Graph API that the acknowledgements reach. Single file, JDK only:
 * {@code java bench/MetaLoad.java --base URL --secret APP_SECRET --stub-port PORT [options]}.
 *
 * <pre>
 * max    closed loop: N workers post signed Messenger events (one message each) as fast as they are answered
 * batch  the same with B messages from B residents in each post (Meta batches under load)
 * rate   open loop: R posts per second at fixed intended times; latency from the intended time; then the time
 *        from posting each message to its acknowledgement arriving at the Graph stand-in
 * </pre>
 *
 * Options: --concurrency 8 --duration 20 --rate 20 --rate-duration 30 --batch 10 --warmup 5 --run-id ID
 * --app-pid PID (Linux: the service's CPU time per message, the figure least disturbed by other load).
 * Each phase ends with one machine-readable line: {@code RESULT phase=... key=value ...}.
 */
public class MetaLoad {
    static final String[] TEXTS = {
        "I want to make a complaint. I reported the leak from the flat upstairs three times and nobody has come.",
        "There is black mould across the bedroom wall where my baby sleeps and no one has visited.",
        "The boiler has stopped again and we have no heating or hot water. Can someone come today?",
        "Thank you to the caretaker for clearing the bin store so quickly this week.",
        "When will the lights in the stairwell at Elm Court be fixed? It is dark in the evening.",
        "Mae'r to yn gollwng ers wythnos a does neb wedi dod i'w drwsio.",
    };
    static final Pattern RECIPIENT = Pattern.compile("\"recipient\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

    static final Map<String, Long> ackArrivedAt = new ConcurrentHashMap<>();
    static final AtomicLong acks = new AtomicLong();

    public static void main(String[] argv) throws Exception {
        Map<String, String> o = options(argv);
        String base = o.getOrDefault("base", "http://127.0.0.1:8080").replaceAll("/+$", "");
        String secret = o.get("secret");
        int stubPort = Integer.parseInt(o.get("stub-port"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "8"));
        int duration = Integer.parseInt(o.getOrDefault("duration", "20"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "20"));
        int rateDuration = Integer.parseInt(o.getOrDefault("rate-duration", "30"));
        int batch = Integer.parseInt(o.getOrDefault("batch", "10"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        String runId = o.getOrDefault("run-id", Long.toString(System.currentTimeMillis(), 36));
        appPid = Long.parseLong(o.getOrDefault("app-pid", "0"));

        HttpServer stub = graphStub(stubPort);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(concurrency + 4)).build();
        Poster poster = new Poster(client, base, secret, runId);
        try {
            closedLoop(poster, "warmup", concurrency, warmup, 1);
            closedLoop(poster, "max", concurrency, duration, 1);
            closedLoop(poster, "batch", concurrency, duration, batch);
            // The rate phase should not start in the wake of the closed loops' acknowledgements.
            long drained = System.currentTimeMillis() + 180_000;
            while (ackArrivedAt.size() < poster.sequence.get() && System.currentTimeMillis() < drained) {
                Thread.sleep(500);
            }
            System.out.printf(Locale.ROOT, "RESULT phase=drain posted=%d acknowledged=%d%n", poster.sequence.get(),
                    ackArrivedAt.size());
            openLoop(poster, rate, rateDuration);
        } finally {
            stub.stop(0);
            ((ExecutorService) client.executor().orElseThrow()).shutdownNow();
        }
        System.exit(0);
    }

    static long appPid;

    /** CPU time (user + system) the service has used so far, in ms; -1 where /proc is not readable. */
    static long serviceCpuMs() {
        if (appPid <= 0) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + appPid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // 100 ticks per second
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String cpu(long before, long messages) {
        long after = serviceCpuMs();
        return before < 0 || after < 0 || messages == 0 ? "svc_cpu_ms_per_msg=n/a"
                : String.format(Locale.ROOT, "svc_cpu_ms_per_msg=%.2f", (after - before) / (double) messages);
    }

    /** Answers the Send API as Graph does, and notes when each resident's acknowledgement arrived. */
    static HttpServer graphStub(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String answer = "{\"id\":\"1\"}";
            if ("POST".equals(exchange.getRequestMethod())) {
                Matcher m = RECIPIENT.matcher(new String(body, StandardCharsets.UTF_8));
                String recipient = m.find() ? m.group(1) : "?";
                ackArrivedAt.putIfAbsent(recipient, System.currentTimeMillis());
                answer = "{\"recipient_id\":\"" + recipient + "\",\"message_id\":\"m_bench_" + acks.incrementAndGet()
                        + "\"}";
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "graph-stub");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return server;
    }

    static final class Poster {
        final HttpClient client;
        final URI uri;
        final byte[] secret;
        final String runId;
        final AtomicLong sequence = new AtomicLong();
        /** Page-scoped ids are digits: a run's residents are new people, unlike any earlier run's. */
        final long prefix = System.currentTimeMillis() % 10_000_000;

        Poster(HttpClient client, String base, String secret, String runId) {
            this.client = client;
            this.uri = URI.create(base + "/webhooks/meta");
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
            this.runId = runId;
        }

        /** Posts {@code messages} messages from as many new residents; returns their page-scoped ids. */
        List<String> post(int messages, long[] statusOut) throws Exception {
            StringBuilder items = new StringBuilder();
            List<String> psids = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (int i = 0; i < messages; i++) {
                long n = sequence.incrementAndGet();
                String psid = prefix + "0" + n;
                psids.add(psid);
                items.append(i == 0 ? "" : ",").append("{\"sender\":{\"id\":\"").append(psid)
                        .append("\"},\"recipient\":{\"id\":\"1\"},\"timestamp\":").append(now)
                        .append(",\"message\":{\"mid\":\"m_bench_").append(runId).append('_').append(n)
                        .append("\",\"text\":\"").append(TEXTS[(int) (n % TEXTS.length)]).append("\"}}");
            }
            byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":" + now + ",\"messaging\":["
                    + items + "]}]}").getBytes(StandardCharsets.UTF_8);
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-Hub-Signature-256", sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            statusOut[0] = response.statusCode();
            return psids;
        }

        String sign(byte[] body) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        }
    }

    static void closedLoop(Poster poster, String phase, int workers, int seconds, int perPost) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long cpuBefore = serviceCpuMs();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                long[] status = new long[1];
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        poster.post(perPost, status);
                        latencies.add(System.nanoTime() - start);
                        (status[0] == 200 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!phase.equals("warmup")) {
            double posts = ok.get() / (double) seconds;
            System.out.printf(Locale.ROOT, "RESULT phase=%s workers=%d per_post=%d posts_per_s=%.1f messages_per_s=%.1f"
                            + " non200=%d %s %s%n", phase, workers, perPost, posts, posts * perPost, failed.get(),
                    percentiles(latencies), cpu(cpuBefore, ok.get() * perPost));
        }
    }

    static void openLoop(Poster poster, int rate, int seconds) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> postedAt = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        long cpuBefore = serviceCpuMs();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long intended = start + i * interval;
            LockSupport.parkNanos(intended - System.nanoTime());
            pool.execute(() -> {
                long[] status = new long[1];
                try {
                    long sentAt = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - intended);
                    List<String> psids = poster.post(1, status);
                    latencies.add(System.nanoTime() - intended);
                    if (status[0] == 200) {
                        psids.forEach(p -> postedAt.put(p, sentAt));
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "RESULT phase=rate rate=%d seconds=%d posted=%d non200=%d %s %s%n", rate,
                seconds, latencies.size(), failed.get(), percentiles(latencies), cpu(cpuBefore, postedAt.size()));
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && !ackArrivedAt.keySet().containsAll(postedAt.keySet())) {
            Thread.sleep(200);
        }
        List<Long> ackMs = new ArrayList<>();
        postedAt.forEach((psid, at) -> {
            Long arrived = ackArrivedAt.get(psid);
            if (arrived != null) {
                ackMs.add(TimeUnit.MILLISECONDS.toNanos(arrived - at));
            }
        });
        System.out.printf(Locale.ROOT, "RESULT phase=ack posted=%d acknowledged=%d %s%n", postedAt.size(), ackMs.size(),
                percentiles(ackMs));
    }

    static String percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        if (sorted.isEmpty()) {
            return "p50_ms=n/a p90_ms=n/a p99_ms=n/a max_ms=n/a";
        }
        return String.format(Locale.ROOT, "p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f", ms(sorted, 0.5),
                ms(sorted, 0.9), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    static Map<String, String> options(String[] argv) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            o.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        if (!o.containsKey("secret") || !o.containsKey("stub-port")) {
            System.err.println("usage: java bench/MetaLoad.java --base URL --secret APP_SECRET --stub-port PORT"
                    + " [--concurrency 8 --duration 20 --batch 10 --rate 50 --rate-duration 30 --warmup 5]");
            System.exit(2);
        }
        return o;
    }
}
