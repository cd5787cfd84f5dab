// The ingest benchmark's client (benchmarks/run-ingest.sh runs it with `java -cp pulse.jar IngestLoad.java`):
// opens SESSIONS WebSocket sessions that say hello and stay, then posts signed backend events to them
// through POST /v1/sites/{site}/events at RATE a second, round robin, for WARMUP then DURATION seconds.
// Each request is timed from its intended start (a late send is charged in full, as HdrHistogram's
// coordinated-omission advice says) to its 202 "applied" answer, which the server writes after the
// session's loop has applied the event and flushed what it decided (a question) to the session's socket;
// and, when the catalog has a backend_event trigger, from the request to the question on the socket.
// Prints one JSON object: counts, both latencies (p50/p99/max in ms) and the server's CPU over DURATION.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

public final class IngestLoad
{
    public static void main(final String[] args) throws Exception
    {
        final int port = Integer.parseInt(env("PORT", "8080"));
        final String site = env("SITE", "loadtest");
        final String keyId = env("KEY_ID", "bench");
        final byte[] secret = env("SECRET", "").getBytes(StandardCharsets.UTF_8);
        final int sessions = Integer.parseInt(env("SESSIONS", "500"));
        final int rate = Integer.parseInt(env("RATE", "1000"));
        final int warmupS = Integer.parseInt(env("WARMUP_S", "30"));
        final int durationS = Integer.parseInt(env("DURATION_S", "30"));
        final long serverPid = Long.parseLong(env("SERVER_PID", "0"));

        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        final Map<String, Long> askedAtNs = new ConcurrentHashMap<>();
        final Recorder applied = new Recorder(3);
        final Recorder questions = new Recorder(3);
        final AtomicLong questionCount = new AtomicLong();
        final List<String> sids = new ArrayList<>();
        final List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < sessions; i++)
        {
            final CompletableFuture<String> welcome = new CompletableFuture<>();
            final WebSocket socket = http.newWebSocketBuilder().header("Origin", "http://loadtest.pulse")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?site=" + site), new WebSocket.Listener()
                {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(final WebSocket ws, final CharSequence data, final boolean last)
                    {
                        text.append(data);
                        if (last)
                        {
                            final String message = text.toString();
                            text.setLength(0);
                            if (message.contains("\"t\":\"welcome\""))
                            {
                                welcome.complete(field(message, "sid"));
                            }
                            else if (message.contains("\"t\":\"question\""))
                            {
                                final Long start = askedAtNs.remove(welcome.getNow(""));
                                if (start != null)
                                {
                                    questions.recordValue(Math.max(1, System.nanoTime() - start));
                                    questionCount.incrementAndGet();
                                }
                            }
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"t\":\"hello\",\"v\":1,\"url\":\"/\"}", true);
            sids.add(welcome.get(10, TimeUnit.SECONDS));
            sockets.add(socket);
        }

        final URI uri = URI.create("http://127.0.0.1:" + port + "/v1/sites/" + site + "/events");
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final Map<String, Long> refusals = new ConcurrentHashMap<>();
        // At most this many requests in flight (each is an HTTP/1.1 connection of the client's pool): a
        // request waiting for one is still timed from its intended start, so a slow server is charged in full.
        final Semaphore inFlight = new Semaphore(Integer.parseInt(env("IN_FLIGHT", "64")));
        final long periodNs = 1_000_000_000L / rate;
        final long startNs = System.nanoTime();
        final long measureFromNs = startNs + TimeUnit.SECONDS.toNanos(warmupS);
        final long endNs = measureFromNs + TimeUnit.SECONDS.toNanos(durationS);
        long cpuStartTicks = -1;
        long sent = 0;
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        final List<CompletableFuture<?>> last = new ArrayList<>();
        for (long n = 0; ; n++)
        {
            final long intendedNs = startNs + n * periodNs;
            if (intendedNs >= endNs)
            {
                break;
            }
            while (System.nanoTime() < intendedNs)
            {
                LockSupport.parkNanos(Math.min(200_000, intendedNs - System.nanoTime()));
            }
            if (cpuStartTicks < 0 && intendedNs >= measureFromNs)
            {
                applied.getIntervalHistogram();
                questions.getIntervalHistogram();
                ok.set(0);
                failed.set(0);
                questionCount.set(0);
                cpuStartTicks = cpuTicks(serverPid);
            }
            final String sid = sids.get((int)(n % sids.size()));
            final byte[] body = ("{\"sid\":\"" + sid + "\",\"name\":\"payment_declined\",\"fields\":{\"reason\":\"card_declined\",\"amount\":"
                + (n % 500) + "}}").getBytes(StandardCharsets.UTF_8);
            final long t = System.currentTimeMillis() / 1000;
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            final String signature = "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
            inFlight.acquire();
            askedAtNs.put(sid, intendedNs);
            final CompletableFuture<HttpResponse<Void>> response = http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Pulse-Key", keyId).header("Pulse-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            response.whenComplete((r, failure) ->
            {
                inFlight.release();
                if (failure == null && r.statusCode() == 202)
                {
                    applied.recordValue(Math.max(1, System.nanoTime() - intendedNs));
                    ok.incrementAndGet();
                }
                else
                {
                    failed.incrementAndGet();
                    refusals.merge(failure != null ? failure.getClass().getSimpleName() : String.valueOf(r.statusCode()), 1L, Long::sum);
                }
            });
            if (intendedNs > endNs - periodNs * 100)
            {
                last.add(response);
            }
            sent++;
        }
        final long cpuEndTicks = cpuTicks(serverPid);
        CompletableFuture.allOf(last.toArray(new CompletableFuture<?>[0])).exceptionally(x -> null).get(30, TimeUnit.SECONDS);
        TimeUnit.MILLISECONDS.sleep(500);
        final Histogram a = applied.getIntervalHistogram();
        final Histogram q = questions.getIntervalHistogram();
        final double cpuSeconds = (cpuEndTicks - cpuStartTicks) / 100.0;
        System.out.printf("{\"sessions\":%d,\"rate_per_s\":%d,\"warmup_s\":%d,\"duration_s\":%d,\"sent_total\":%d,"
                + "\"applied_202\":%d,\"failed\":%d,\"applied_ms\":{\"p50\":%.2f,\"p99\":%.2f,\"p999\":%.2f,\"max\":%.2f},"
                + "\"questions\":%d,\"question_ms\":{\"p50\":%.2f,\"p99\":%.2f,\"max\":%.2f},"
                + "\"server_cpu_s\":%.2f,\"server_cpu_cores\":%.3f,\"server_cpu_us_per_request\":%.1f,\"failures\":\"%s\"}%n",
            sessions, rate, warmupS, durationS, sent, ok.get(), failed.get(),
            ms(a.getValueAtPercentile(50)), ms(a.getValueAtPercentile(99)), ms(a.getValueAtPercentile(99.9)), ms(a.getMaxValue()),
            questionCount.get(), ms(q.getValueAtPercentile(50)), ms(q.getValueAtPercentile(99)), ms(q.getMaxValue()),
            cpuSeconds, cpuSeconds / durationS, ok.get() == 0 ? 0.0 : cpuSeconds * 1e6 / ok.get(), refusals);
        for (final WebSocket socket : sockets)
        {
            socket.abort();
        }
        System.exit(0);
    }

    private static double ms(final long nanos)
    {
        return nanos / 1e6;
    }

    /** utime + stime of the process, in clock ticks (USER_HZ, 100 on Linux); 0 without a pid. */
    private static long cpuTicks(final long pid) throws Exception
    {
        if (pid == 0)
        {
            return 0;
        }
        final String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String field(final String json, final String name)
    {
        final int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
    }

    private static String env(final String name, final String fallback)
    {
        final String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
