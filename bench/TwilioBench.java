import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed Twilio posts for the webhook benchmark. Single file, JDK only: {@code java bench/TwilioBench.java <mode> ...}.
 *
 * <pre>
 * gen   write N unique, correctly signed SMS posts (one per line: signature TAB form body) for wrk to replay
 * rate  open loop: R posts per second from such a file at fixed intended send times; latency from the intended time
 * </pre>
 *
 * gen:  --count N --token AUTH_TOKEN --url PUBLIC_WEBHOOK_URL --run-id ID --out FILE
 * rate: --file FILE --skip N (lines already used) --target URL --rate 200 --duration 30 --timeout 30 --warmup 0
 *       (--warmup S: first send S seconds at the same rate, not measured, so this client's own start - a fresh JVM,
 *       new connections - is not counted as the service's latency)
 * Each mode ends with one machine-readable line: {@code RESULT mode=... key=value ...}.
 */
public class TwilioBench {

    /** What residents text a landlord: complaints, repairs, hazards, thanks, questions; one is Welsh. */
    static final String[] TEXTS = {
        "Hi its flat 4 Elm Court. The leak from upstairs is back, 3rd time since August. Nobody came last week when"
            + " you said. I want to complain",
        "Black mould in the babys bedroom again. Was told someone would come within 10 days, thats a month ago now",
        "Boiler stopped again no heating or hot water. My mum is 82 and lives with us can someone come today",
        "Just to say thanks to Dave the plumber, fixed the kitchen tap quick and tidied up after",
        "When are the hallway lights at 14-28 Elm Court getting fixed? Out for 2 weeks, dark on the stairs",
        "Writing for my neighbour at no 9, her front door wont lock since the contractor replaced it",
        "Not happy with how my complaint was closed. Nobody called me back and the damp is still there. Stage 2 pls",
        "Strong smell of gas by the meter cupboard ground floor Oak House",
        "Window in my sons room wont close, handle came off. Can a repair be booked",
        "Mae'r gwres wedi torri eto ers dydd Llun, does neb wedi dod. Dw i eisiau cwyno",
    };

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            usage();
        }
        Map<String, String> o = options(Arrays.copyOfRange(argv, 1, argv.length));
        switch (argv[0]) {
            case "gen" -> gen(Integer.parseInt(o.getOrDefault("count", "100000")), o.get("token"), o.get("url"),
                    o.getOrDefault("run-id", Long.toString(System.currentTimeMillis(), 36)), Path.of(o.get("out")));
            case "rate" -> rate(Path.of(o.get("file")), Integer.parseInt(o.getOrDefault("skip", "0")), o.get("target"),
                    Double.parseDouble(o.getOrDefault("rate", "200")), Integer.parseInt(o.getOrDefault("duration", "30")),
                    Integer.parseInt(o.getOrDefault("warmup", "0")),
                    Duration.ofSeconds(Integer.parseInt(o.getOrDefault("timeout", "30"))));
            default -> usage();
        }
        System.exit(0);
    }

    static void usage() {
        System.err.println("usage: java bench/TwilioBench.java gen|rate --option value ... (see the class comment)");
        System.exit(2);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            map.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return map;
    }

    /** Posts shaped like Twilio's inbound SMS webhook: every parameter it sends, signed as Twilio signs. */
    static void gen(int count, String token, String url, String runId, Path out) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            for (int n = 0; n < count; n++) {
                String sid = String.format(Locale.ROOT, "SM%s%024x", runId, (long) n);
                sid = sid.length() > 34 ? sid.substring(0, 34) : sid;
                Map<String, String> p = new LinkedHashMap<>();
                p.put("ToCountry", "GB");
                p.put("ToState", "");
                p.put("SmsMessageSid", sid);
                p.put("NumMedia", "0");
                p.put("ToCity", "");
                p.put("FromZip", "");
                p.put("SmsSid", sid);
                p.put("FromState", "");
                p.put("SmsStatus", "received");
                p.put("FromCity", "");
                p.put("Body", TEXTS[n % TEXTS.length]);
                p.put("FromCountry", "GB");
                p.put("To", "+441619999000");
                p.put("ToZip", "");
                p.put("NumSegments", "1");
                p.put("MessageSid", sid);
                p.put("AccountSid", "ACbench0000000000000000000000000000");
                p.put("From", String.format(Locale.ROOT, "+4477009%05d", n % 100000));
                p.put("ApiVersion", "2010-04-01");
                StringBuilder signed = new StringBuilder(url);
                new TreeMap<>(p).forEach((k, v) -> signed.append(k).append(v));
                String signature = Base64.getEncoder().encodeToString(
                        mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
                StringBuilder body = new StringBuilder();
                p.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                        .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
                w.write(signature);
                w.write('\t');
                w.write(body.toString());
                w.write('\n');
            }
        }
        System.out.println("RESULT mode=gen count=" + count + " file=" + out);
    }

    /** Open loop: request i is due at start + i/rate whatever happened to earlier ones (no coordinated omission). */
    static void rate(Path file, int skip, String target, double rate, int seconds, int warmupSeconds, Duration timeout)
            throws Exception {
        int warm = (int) Math.round(rate * warmupSeconds);
        int total = (int) Math.round(rate * seconds);
        List<String[]> posts = new ArrayList<>(warm + total);
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null && posts.size() < warm + total) {
                if (n++ >= skip) {
                    posts.add(line.split("\t", 2));
                }
            }
        }
        if (posts.size() < warm + total) {
            throw new IllegalStateException("only " + posts.size() + " unused posts in " + file + ", need "
                    + (warm + total));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
        long[] latency = new long[total];
        Arrays.fill(latency, -1);
        LongAdder ok = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(total);
        long period = (long) (1_000_000_000L / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        for (int i = 0; i < warm + total; i++) {
            long intended = start + i * period;
            long now;
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(intended - now);
            }
            int index = i - warm; // negative while warming up: sent, not measured
            HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", posts.get(i)[0])
                    .POST(HttpRequest.BodyPublishers.ofString(posts.get(i)[1])).build();
            CompletableFuture<Void> sent = client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> {
                if (index < 0) {
                    return null;
                }
                latency[index] = (System.nanoTime() - intended) / 1000;
                if (error != null) {
                    errors.computeIfAbsent(error.getClass().getSimpleName(), k -> new LongAdder()).increment();
                } else if (response.statusCode() == 200) {
                    ok.increment();
                } else {
                    errors.computeIfAbsent("http_" + response.statusCode(), k -> new LongAdder()).increment();
                }
                return null;
            });
            if (index >= 0) {
                inFlight.add(sent);
            }
        }
        long unanswered = 0;
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(2);
        for (CompletableFuture<Void> f : inFlight) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                unanswered++;
            }
        }
        long[] sorted = Arrays.stream(latency).filter(v -> v >= 0).sorted().toArray();
        long non200 = total - ok.sum();
        System.out.printf(Locale.ROOT, "[rate] %d posts at %.0f/s: 200 %d, other %d %s, unanswered %d%n", total, rate,
                ok.sum(), non200, errors, unanswered);
        System.out.printf(Locale.ROOT, "[rate] latency ms: p50 %s  p90 %s  p99 %s  max %s%n", pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), pct(sorted, 100));
        // Where in the phase the slow answers were: p99 of each 5-second window of intended send times.
        StringBuilder windows = new StringBuilder();
        int perWindow = (int) Math.round(rate * 5);
        for (int from = 0; from < total; from += perWindow) {
            long[] w = Arrays.stream(latency, from, Math.min(total, from + perWindow)).filter(v -> v >= 0).sorted()
                    .toArray();
            windows.append(' ').append(pct(w, 99));
        }
        System.out.printf(Locale.ROOT, "[rate] p99 ms by 5 s window:%s%n", windows);
        System.out.printf(Locale.ROOT, "RESULT mode=rate scheduled=%d ok=%d non200=%d p50_ms=%s p90_ms=%s p99_ms=%s"
                + " max_ms=%s%n", total, ok.sum(), non200, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                pct(sorted, 100));
    }

    /** Nearest-rank percentile of sorted microseconds, in milliseconds. */
    static String pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "n/a";
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return String.format(Locale.ROOT, "%.1f", sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1000.0);
    }
}
