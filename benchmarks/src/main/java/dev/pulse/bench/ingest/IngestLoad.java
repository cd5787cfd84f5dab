package dev.pulse.bench.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ingest benchmark's client (benchmarks/run-ingest.sh compiles and runs it against pulse.jar):
 * keeps {@code SESSIONS} WebSocket sessions live and posts signed {@code payment_declined} events
 * (POST /v1/sites/{site}/events) at {@code RATE} a second for WARMUP then DURATION seconds, each to a
 * session that is ready for one (BenchSession). Each request is timed from its intended start (a
 * late send, or one that waited for a ready session or a free connection, is charged in full, as
 * HdrHistogram's coordinated-omission advice says) to its {@code 202 applied} and, in question mode,
 * to its question read on the session's socket. Prints one JSON object (IngestTally#json).
 */
public final class IngestLoad implements BenchSession.Owner
{
    private static final Pattern SIGNAL = Pattern.compile("^pulse_signals_total\\{detector=\"backend_event\",decision=\"([a-z_]+)\"} (\\d+)", Pattern.MULTILINE);
    private static final Pattern BODY_STATUS = Pattern.compile("\"status\":\"([a-z]+)\"");

    private final IngestSettings settings;
    private final IngestTally tally = new IngestTally();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final BlockingQueue<BenchSession> ready = new LinkedBlockingQueue<>();
    private final Map<BenchSession, Boolean> live = new ConcurrentHashMap<>();
    private final URI socketUri;
    private boolean starved;
    /** Set when the run is over: a session that retires then is not replaced. */
    private volatile boolean stopping;

    IngestLoad(final IngestSettings settings)
    {
        this.settings = settings;
        this.socketUri = URI.create("ws://127.0.0.1:" + settings.port() + "/ws?site=" + settings.site());
    }

    public static void main(final String[] args) throws Exception
    {
        System.out.println(new IngestLoad(IngestSettings.from(System.getenv())).run());
        System.exit(0);
    }

    /** Runs the benchmark and answers its summary; every session it opened is closed. */
    String run() throws Exception
    {
        final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor();
        try
        {
            for (int i = 0; i < settings.sessions(); i++)
            {
                openSession();
            }
            final long timeoutNs = TimeUnit.SECONDS.toNanos(settings.questionTimeoutS());
            sweeper.scheduleWithFixedDelay(() -> live.keySet().forEach(s -> s.checkTimeout(System.nanoTime(), timeoutNs)),
                100, 100, TimeUnit.MILLISECONDS);
            return send();
        }
        finally
        {
            stopping = true;
            sweeper.shutdownNow();
            live.keySet().forEach(BenchSession::close);
        }
    }

    private String send() throws Exception
    {
        final SignedEvents events = new SignedEvents(settings);
        final Semaphore inFlight = new Semaphore(settings.inFlight());
        final long periodNs = 1_000_000_000L / settings.ratePerS();
        final long startNs = System.nanoTime();
        final long measureFromNs = startNs + TimeUnit.SECONDS.toNanos(settings.warmupS());
        final long endNs = measureFromNs + TimeUnit.SECONDS.toNanos(settings.durationS());
        final AtomicLong sent = new AtomicLong();
        long cpuStartTicks = -1;
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
            final boolean measured = intendedNs >= measureFromNs;
            if (cpuStartTicks < 0 && measured)
            {
                cpuStartTicks = cpuTicks(settings.serverPid());
            }
            final long waitFromNs = System.nanoTime();
            final BenchSession session = nextReady();
            if (measured)
            {
                tally.readyWait.recordValue(Math.max(1, System.nanoTime() - waitFromNs));
            }
            if (session == null)
            {
                if (measured)
                {
                    tally.measured.incrementAndGet();
                    tally.noQuestion(IngestTally.NO_READY_SESSION);
                }
                continue;
            }
            final HttpRequest request = events.declined(session.sid(), n);
            inFlight.acquire();
            session.take(intendedNs, measured);
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) ->
                {
                    inFlight.release();
                    session.requestEnded(outcome(response, failure), System.nanoTime());
                });
            sent.incrementAndGet();
        }
        final long cpuEndTicks = cpuTicks(settings.serverPid());
        // Every measured event ends: with its question, or by the sweeper's timeout.
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.questionTimeoutS() + 15L);
        while (tally.open.get() > 0 && System.nanoTime() < deadlineNs)
        {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        for (long i = tally.open.get(); i > 0; i--)
        {
            tally.noQuestion(IngestTally.UNFINISHED);
        }
        return tally.json(settings, sent.get(), (cpuEndTicks - cpuStartTicks) / 100.0, serverSignals());
    }

    /**
     * The next session ready for an event, or null if none was within the question timeout. Once
     * that has happened (the sessions are stuck: a broken server or client), the sender waits no
     * more until a session is ready again, so a broken run still ends near its scheduled end and
     * counts its events as {@code no_ready_session}.
     */
    private BenchSession nextReady() throws InterruptedException
    {
        final long untilNs = System.nanoTime() + (starved ? 0 : TimeUnit.SECONDS.toNanos(settings.questionTimeoutS()));
        do
        {
            final BenchSession session = ready.poll(Math.max(0, untilNs - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (session != null && session.open())
            {
                starved = false;
                return session;
            }
        }
        while (untilNs - System.nanoTime() > 0 || !ready.isEmpty());
        starved = true;
        return null;
    }

    @Override
    public void release(final BenchSession session, final boolean retire)
    {
        if (!retire)
        {
            ready.add(session);
            return;
        }
        session.close();
        if (live.remove(session) != null && !stopping)
        {
            openSession();
        }
    }

    private void openSession()
    {
        final BenchSession session = new BenchSession(this, tally, settings);
        live.put(session, Boolean.TRUE);
        tally.sessionsOpened.incrementAndGet();
        http.newWebSocketBuilder().header("Origin", settings.origin()).connectTimeout(Duration.ofSeconds(10))
            .buildAsync(socketUri, session)
            .exceptionally(failure ->
            {
                tally.connectFailures.incrementAndGet();
                release(session, true);
                return null;
            });
    }

    private static String outcome(final HttpResponse<String> response, final Throwable failure)
    {
        if (failure != null)
        {
            return IngestTally.REFUSED + failure.getClass().getSimpleName();
        }
        if (response.statusCode() != 202)
        {
            return IngestTally.REFUSED + response.statusCode();
        }
        final Matcher status = BODY_STATUS.matcher(response.body());
        return status.find() ? status.group(1) : IngestTally.REFUSED + "202_without_status";
    }

    /** The server's backend_event signals by the governor's decision (those that happened), from its /metrics. */
    private Map<String, Long> serverSignals()
    {
        final Map<String, Long> signals = new LinkedHashMap<>();
        try
        {
            final String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.port() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            final Matcher line = SIGNAL.matcher(metrics);
            while (line.find())
            {
                if (Long.parseLong(line.group(2)) > 0)
                {
                    signals.put(line.group(1), Long.parseLong(line.group(2)));
                }
            }
        }
        catch (final java.io.IOException e)
        {
            signals.put("metrics_unreadable", 0L);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        return signals;
    }

    /** utime + stime of the process, in clock ticks (USER_HZ, 100 on Linux); 0 without a pid. */
    private static long cpuTicks(final long pid) throws java.io.IOException
    {
        if (pid == 0)
        {
            return 0;
        }
        final String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        final List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
    }
}
