import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator for Hearth. Single file, JDK only: {@code java bench/Load.java <mode> [--option value ...]}.
 *
 * <pre>
 * max   closed loop: N workers post unique messages as fast as they are answered, for D seconds
 * rate  open loop: R posts per second at fixed intended send times; latency from the intended time
 * bare  closed loop like max, but GET a cheap URL (the liveness probe), for the framework's ceiling
 * </pre>
 *
 * Options: --base http://127.0.0.1:8080  --key API_KEY  --url (bare: full URL, default base + liveness)
 * --concurrency 16  --duration 20 (rate: 30)  --warmup 5  --rate 200  --run-id ID (prefix of externalIds)
 * --timeout 30 (seconds per request)  --app-pid PID (Linux: report where the CPU went during the window).
 *
 * Each mode ends with one machine-readable line: {@code RESULT mode=... key=value ...}.
 */
public class Load {

    /** Messages a resident might send to a landlord: complaints, repairs, hazards, compliments, questions. */
    static final String[] TEXTS = {
        "I want to make a formal complaint. I reported the leak from the bathroom upstairs three times since "
            + "August and nobody has come. The ceiling in my kitchen is now stained and sagging.",
        "There is black mould spreading across the bedroom wall where my baby sleeps. I was told someone would "
            + "visit within ten days and that was over a month ago. This is not acceptable.",
        "Hi, the boiler has stopped working again and we have no heating or hot water. My mum is 82 and lives "
            + "with us. Please can someone come out today?",
        "Just wanted to say thank you to Dave the plumber who fixed our kitchen tap last Tuesday. He was "
            + "polite, quick and cleaned up after himself.",
        "Can you tell me when the communal hallway lights at 14-28 Elm Court will be repaired? They have been "
            + "out for two weeks and it is dark on the stairs in the evening.",
        "I am writing on behalf of my neighbour who does not use email. Her front door does not lock properly "
            + "since the contractor replaced it and she feels unsafe at night.",
        "I am unhappy with how my last complaint was handled. Your officer closed it without calling me back "
            + "and the damp in the living room is still there. I want this escalated to stage 2.",
        "There is a strong smell of gas near the meter cupboard on the ground floor of Oak House.",
        "The window in my son's room will not close and the handle has come off. Could a repair be booked?",
        "Rent statement query: I was charged twice in October. Not a complaint, just need it checked please.",
    };

    static final String[] NAMES = {"Aisha Khan", "Tom Williams", "Grace O'Neill", "Dylan Evans", "Priya Patel",
        "Mark Brown", "Siobhan Doyle", "Kwame Mensah"};

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0 || argv[0].startsWith("-")) {
            usage();
            return;
        }
        String mode = argv[0];
        Map<String, String> o = options(Arrays.copyOfRange(argv, 1, argv.length));
        String base = o.getOrDefault("base", "http://127.0.0.1:8080").replaceAll("/+$", "");
        String key = o.getOrDefault("key", System.getenv().getOrDefault("HEARTH_API_KEY", ""));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "16"));
        int timeout = Integer.parseInt(o.getOrDefault("timeout", "30"));
        String runId = o.getOrDefault("run-id", Long.toString(System.currentTimeMillis(), 36));
        long appPid = Long.parseLong(o.getOrDefault("app-pid", "0"));

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(4, concurrency / 2), daemon("http")))
                .build();
        Load load = new Load(client, base, key, Duration.ofSeconds(timeout), runId, appPid);

        switch (mode) {
            case "max" -> {
                int duration = Integer.parseInt(o.getOrDefault("duration", "20"));
                load.closedLoop("max", concurrency, warmup, duration, false, null);
            }
            case "bare" -> {
                int duration = Integer.parseInt(o.getOrDefault("duration", "20"));
                String url = o.getOrDefault("url", base + "/actuator/health/liveness");
                load.closedLoop("bare", concurrency, warmup, duration, true, URI.create(url));
            }
            case "rate" -> {
                int duration = Integer.parseInt(o.getOrDefault("duration", "30"));
                double rate = Double.parseDouble(o.getOrDefault("rate", "200"));
                load.openLoop(rate, warmup, duration);
            }
            default -> usage();
        }
        System.exit(0);
    }

    static void usage() {
        System.err.println("""
                usage: java bench/Load.java max|rate|bare [--base URL] [--key KEY] [--url URL]
                       [--concurrency N] [--duration S] [--warmup S] [--rate R] [--run-id ID] [--timeout S]""");
        System.exit(2);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            map.put(args[i].substring(2), args[++i]);
        }
        return map;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private final HttpClient client;
    private final String base;
    private final String key;
    private final Duration timeout;
    private final String runId;
    private final long appPid;
    private final AtomicLong sequence = new AtomicLong();

    Load(HttpClient client, String base, String key, Duration timeout, String runId, long appPid) {
        this.client = client;
        this.base = base;
        this.key = key;
        this.timeout = timeout;
        this.runId = runId;
        this.appPid = appPid;
    }

    /** One unique, valid message. The externalId is bench-<phase>-<runId>-<n> so the database can find a phase. */
    HttpRequest message(String phase) {
        long n = sequence.incrementAndGet();
        String text = TEXTS[(int) (n % TEXTS.length)];
        String name = NAMES[(int) (n % NAMES.length)];
        String email = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".") + n + "@example.org";
        String body = "{\"externalId\":\"bench-" + phase + "-" + runId + "-" + n + "\","
                + "\"text\":" + json(text) + ","
                + "\"sender\":{\"name\":" + json(name) + ",\"email\":" + json(email) + "},"
                + "\"preferredContact\":\"email\"}";
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/messages"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Counts and latencies (microseconds) of one measured phase. */
    static final class Tally {
        final LongAdder ok = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final ThreadLocal<Recorder> recorders = ThreadLocal.withInitial(this::newRecorder);
        volatile String firstError;

        final class Recorder {
            long[] values = new long[4096];
            int size;

            void add(long micros) {
                if (size == values.length) {
                    values = Arrays.copyOf(values, size * 2);
                }
                values[size++] = micros;
            }
        }

        private final List<Recorder> all = new ArrayList<>();

        private synchronized Recorder newRecorder() {
            Recorder r = new Recorder();
            all.add(r);
            return r;
        }

        void latency(long micros) {
            Recorder r = recorders.get();
            synchronized (r) {
                r.add(micros);
            }
        }

        void error(String kind, String detail) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
            if (firstError == null) {
                firstError = kind + ": " + detail;
            }
        }

        long errorCount() {
            return errors.values().stream().mapToLong(LongAdder::sum).sum();
        }

        synchronized long[] sorted() {
            int total = 0;
            for (Recorder r : all) {
                synchronized (r) {
                    total += r.size;
                }
            }
            long[] out = new long[total];
            int at = 0;
            for (Recorder r : all) {
                synchronized (r) {
                    System.arraycopy(r.values, 0, out, at, Math.min(r.size, total - at));
                    at += Math.min(r.size, total - at);
                }
            }
            Arrays.sort(out, 0, at);
            return at == total ? out : Arrays.copyOf(out, at);
        }

        String errorSummary() {
            return errors.isEmpty() ? "none" : new TreeMap<>(errors).toString();
        }
    }

    /** Nearest-rank percentile of sorted microseconds, in milliseconds. */
    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1000.0;
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Closed loop: each worker sends its next request when the previous one is answered. */
    void closedLoop(String mode, int workers, int warmupSeconds, int seconds, boolean get, URI url)
            throws InterruptedException {
        String what = get ? "GET " + url : "POST " + base + "/api/v1/messages";
        System.out.printf("[%s] %s, %d workers, warm-up %d s, measure %d s%n", mode, what, workers, warmupSeconds,
                seconds);
        if (warmupSeconds > 0) {
            runClosed(mode + "w", workers, warmupSeconds, get, url);
        }
        Cpu before = Cpu.read(appPid);
        Result r = runClosed(mode, workers, seconds, get, url);
        Cpu after = Cpu.read(appPid);
        long[] lat = r.tally.sorted();
        long ok = r.tally.ok.sum();
        double perSecond = ok / r.seconds;
        String label = get ? "requests/s" : "accepted/s";
        System.out.printf(Locale.ROOT, "[%s] %s: %.1f  (ok %d, errors %d %s, in %.2f s)%n", mode, label, perSecond,
                ok, r.tally.errorCount(), r.tally.errorSummary(), r.seconds);
        System.out.printf("[%s] latency ms: p50 %s  p90 %s  p99 %s  max %s%n", mode, ms(pct(lat, 50)),
                ms(pct(lat, 90)), ms(pct(lat, 99)), ms(pct(lat, 100)));
        if (r.tally.firstError != null) {
            System.out.println("[" + mode + "] first error: " + r.tally.firstError);
        }
        String cpu = Cpu.report(mode, before, after, ok);
        System.out.printf(Locale.ROOT, "RESULT mode=%s per_s=%.1f ok=%d errors=%d p50_ms=%s p99_ms=%s%s%n", mode,
                perSecond, ok, r.tally.errorCount(), ms(pct(lat, 50)), ms(pct(lat, 99)), cpu);
    }

    record Result(Tally tally, double seconds) {
    }

    private Result runClosed(String phase, int workers, int seconds, boolean get, URI url)
            throws InterruptedException {
        Tally tally = new Tally();
        int expected = get ? 200 : 202;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemon(phase));
        HttpRequest bare = get ? HttpRequest.newBuilder(url).timeout(timeout).GET().build() : null;
        for (int w = 0; w < workers; w++) {
            pool.execute(() -> {
                try {
                    while (System.nanoTime() < end) {
                        HttpRequest request = get ? bare : message(phase);
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            long t1 = System.nanoTime();
                            if (t1 > end) {
                                break; // answered after the window closed: not counted
                            }
                            if (response.statusCode() == expected) {
                                tally.ok.increment();
                                tally.latency((t1 - t0) / 1000);
                            } else {
                                tally.error("http_" + response.statusCode(), abbreviate(response.body()));
                            }
                        } catch (Exception e) {
                            if (System.nanoTime() > end) {
                                break;
                            }
                            tally.error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // do not spin on a dead server
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await(seconds + timeout.toSeconds() + 5, TimeUnit.SECONDS);
        pool.shutdownNow();
        return new Result(tally, seconds);
    }

    /**
     * Open loop at a constant arrival rate. Request i is due at start + i/rate; the sender never waits for
     * answers, and latency is measured from the due time, so a stall in the server shows up in the
     * latency of every request that should have been sent during it (no coordinated omission).
     */
    void openLoop(double rate, int warmupSeconds, int seconds) throws InterruptedException {
        System.out.printf(Locale.ROOT, "[rate] POST %s/api/v1/messages at %.0f/s, warm-up %d s, measure %d s%n", base,
                rate, warmupSeconds, seconds);
        if (warmupSeconds > 0) {
            runOpen("ratew", rate, warmupSeconds);
        }
        Cpu before = Cpu.read(appPid);
        OpenResult r = runOpen("rate", rate, seconds);
        Cpu after = Cpu.read(appPid);
        long[] lat = r.tally.sorted();
        long ok = r.tally.ok.sum();
        long non202 = r.tally.errorCount();
        System.out.printf(Locale.ROOT,
                "[rate] scheduled %d, sent %d, 202 %d, non-202 %d %s, unanswered %d; send lag max %.1f ms%n",
                r.scheduled, r.sent, ok, non202, r.tally.errorSummary(), r.unanswered,
                r.maxSendLagMicros / 1000.0);
        System.out.printf("[rate] accept latency ms (from intended send time): p50 %s  p90 %s  p99 %s  max %s%n",
                ms(pct(lat, 50)), ms(pct(lat, 90)), ms(pct(lat, 99)), ms(pct(lat, 100)));
        if (r.tally.firstError != null) {
            System.out.println("[rate] first error: " + r.tally.firstError);
        }
        String cpu = Cpu.report("rate", before, after, ok);
        System.out.printf(Locale.ROOT,
                "RESULT mode=rate rate=%.0f scheduled=%d ok=%d non202=%d unanswered=%d p50_ms=%s p90_ms=%s "
                        + "p99_ms=%s max_ms=%s%s%n",
                rate, r.scheduled, ok, non202 + r.unanswered, r.unanswered, ms(pct(lat, 50)),
                ms(pct(lat, 90)), ms(pct(lat, 99)), ms(pct(lat, 100)), cpu);
    }

    record OpenResult(Tally tally, long scheduled, long sent, long unanswered, long maxSendLagMicros) {
    }

    private OpenResult runOpen(String phase, double rate, int seconds) throws InterruptedException {
        Tally tally = new Tally();
        long total = Math.round(rate * seconds);
        double periodNanos = 1e9 / rate;
        List<CompletableFuture<Void>> inFlight = new ArrayList<>((int) total);
        long maxLag = 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * periodNanos);
            long now;
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(intended - now);
            }
            maxLag = Math.max(maxLag, (now - intended) / 1000);
            HttpRequest request = message(phase);
            CompletableFuture<Void> f = client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> {
                        long micros = (System.nanoTime() - intended) / 1000;
                        if (error != null) {
                            Throwable cause = error.getCause() != null ? error.getCause() : error;
                            tally.error(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()));
                        } else if (response.statusCode() == 202) {
                            tally.ok.increment();
                            tally.latency(micros);
                        } else {
                            tally.error("http_" + response.statusCode(), abbreviate(response.body()));
                            tally.latency(micros);
                        }
                        return null;
                    });
            inFlight.add(f);
        }
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(2);
        long unanswered = 0;
        for (CompletableFuture<Void> f : inFlight) {
            long left = deadline - System.nanoTime();
            try {
                f.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                unanswered++;
            }
        }
        return new OpenResult(tally, total, inFlight.size(), unanswered, maxLag);
    }

    /**
     * CPU time from /proc (Linux only; empty elsewhere), in clock ticks: the whole machine, the service,
     * PostgreSQL's processes, and this load generator. What is left is other processes on the machine,
     * which would make the figures noisy.
     */
    record Cpu(long wall, long machineBusy, long machineTotal, long app, long postgres, long self) {
        static final java.nio.file.Path PROC = java.nio.file.Path.of("/proc");

        static Cpu read(long appPid) {
            if (!java.nio.file.Files.isReadable(PROC.resolve("stat"))) {
                return null;
            }
            try {
                String[] f = java.nio.file.Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
                long busy = 0;
                long total = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                    long v = Long.parseLong(f[i]);
                    total += v;
                    if (i != 4 && i != 5) {
                        busy += v;
                    }
                }
                long postgres = 0;
                try (var dirs = java.nio.file.Files.newDirectoryStream(PROC, "[0-9]*")) {
                    for (var dir : dirs) {
                        String stat = procStat(dir);
                        if (stat != null && stat.contains("(postgres)")) {
                            postgres += ticks(stat);
                        }
                    }
                }
                String app = appPid > 0 ? procStat(PROC.resolve(Long.toString(appPid))) : null;
                String self = procStat(PROC.resolve(Long.toString(ProcessHandle.current().pid())));
                return new Cpu(System.nanoTime(), busy, total, app == null ? 0 : ticks(app), postgres,
                        self == null ? 0 : ticks(self));
            } catch (Exception e) {
                return null;
            }
        }

        private static String procStat(java.nio.file.Path dir) {
            try {
                return java.nio.file.Files.readString(dir.resolve("stat"));
            } catch (Exception gone) {
                return null;
            }
        }

        /** utime + stime: fields 14 and 15, counted after the ")" that closes the command name. */
        private static long ticks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        /** Prints a line and returns the RESULT fields; percentages are of one core. */
        static String report(String mode, Cpu a, Cpu b, long requests) {
            if (a == null || b == null || b.machineTotal == a.machineTotal) {
                return "";
            }
            double hz = 100.0; // USER_HZ on Linux
            double seconds = (b.wall - a.wall) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            double app = (b.app - a.app) / hz / seconds * 100;
            double pg = (b.postgres - a.postgres) / hz / seconds * 100;
            double self = (b.self - a.self) / hz / seconds * 100;
            double busy = (double) (b.machineBusy - a.machineBusy) / (b.machineTotal - a.machineTotal) * cores * 100;
            double others = Math.max(0, busy - app - pg - self);
            double idle = cores * 100 - busy;
            double perRequest = requests == 0 ? Double.NaN : (b.app - a.app) / hz * 1000 / requests;
            System.out.printf(Locale.ROOT, "[%s] CPU in the window (%% of one core, %d cores): service %.0f%%, "
                    + "PostgreSQL %.0f%%, load generator %.0f%%, other processes %.0f%%, idle %.0f%%; "
                    + "service CPU per answered request %.2f ms%n", mode, cores, app, pg, self, others, idle,
                    perRequest);
            return String.format(Locale.ROOT, " svc_cpu_pct=%.0f pg_cpu_pct=%.0f gen_cpu_pct=%.0f other_cpu_pct=%.0f "
                    + "idle_pct=%.0f svc_cpu_ms_per_req=%.2f", app, pg, self, others, idle, perRequest);
        }
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
