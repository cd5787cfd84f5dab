package dev.pulse.bench.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the measured part of a run counted, from any thread: each measured event ends exactly once,
 * either with its question read (and its latency recorded) or with one reason it got none. So
 * {@code measured = questions + sum(no_question)} always holds in question mode, and a reason names
 * every event that is not a question.
 */
final class IngestTally
{
    /** The request did not end in 202: its status, or the client's exception. */
    static final String REFUSED = "refused_";
    /** 202 kept: the session was not connected (it had closed: never expected here). */
    static final String KEPT = "kept";
    /** 202 duplicate: an id taken twice (the client sends none: never expected). */
    static final String DUPLICATE = "duplicate";
    /** 202 applied, but no question came within the client's timeout: the governor did not ask. */
    static final String NO_QUESTION_AFTER_APPLIED = "no_question_after_applied";
    /** No session was ready to take the event within the client's timeout: it was not sent. */
    static final String NO_READY_SESSION = "no_ready_session";
    /** Still open when the run ended (after the timeout's grace). */
    static final String UNFINISHED = "unfinished_at_end";

    final Recorder applied = new Recorder(3);
    final Recorder questions = new Recorder(3);
    /** How long the sender waited for a session ready for an event: if it is long, SESSIONS is too few. */
    final Recorder readyWait = new Recorder(3);
    final AtomicLong measured = new AtomicLong();
    /** Measured events not ended yet. */
    final AtomicLong open = new AtomicLong();
    final AtomicLong applied202 = new AtomicLong();
    final AtomicLong questionCount = new AtomicLong();
    final AtomicLong unexpectedQuestions = new AtomicLong();
    final AtomicLong sessionsOpened = new AtomicLong();
    final AtomicLong connectFailures = new AtomicLong();
    private final Map<String, AtomicLong> noQuestion = new ConcurrentHashMap<>();

    void noQuestion(final String reason)
    {
        noQuestion.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
    }

    long noQuestionTotal()
    {
        return noQuestion.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /**
     * The summary, one JSON object. {@code failed} and {@code failures} keep the first runs' keys
     * (requests that did not end in 202, by status); {@code no_question} counts every measured event
     * without a question by reason, and {@code server_signals} is the server's own count of its
     * {@code backend_event} signals by the governor's decision (over the whole run, warm-up included).
     */
    String json(final IngestSettings settings, final long sentTotal, final double cpuSeconds, final Map<String, Long> serverSignals)
    {
        final Histogram a = applied.getIntervalHistogram();
        final Histogram q = questions.getIntervalHistogram();
        final Map<String, Long> reasons = new TreeMap<>();
        noQuestion.forEach((reason, count) -> reasons.put(reason, count.get()));
        final Map<String, Long> failures = new TreeMap<>();
        reasons.forEach((reason, count) ->
        {
            if (reason.startsWith(REFUSED))
            {
                failures.put(reason.substring(REFUSED.length()), count);
            }
        });
        final long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        return "{\"mode\":\"" + settings.mode() + "\",\"sessions\":" + settings.sessions() + ",\"rate_per_s\":" + settings.ratePerS()
            + ",\"warmup_s\":" + settings.warmupS() + ",\"duration_s\":" + settings.durationS()
            + ",\"questions_per_session\":" + (settings.askQuestions() ? settings.questionsPerSession() : 0)
            + ",\"sent_total\":" + sentTotal + ",\"measured\":" + measured.get()
            + ",\"applied_202\":" + applied202.get() + ",\"failed\":" + failed
            + ",\"applied_ms\":" + percentiles(a)
            + ",\"questions\":" + questionCount.get() + ",\"question_ms\":" + percentiles(q)
            + ",\"ready_wait_ms\":" + percentiles(readyWait.getIntervalHistogram())
            + ",\"no_question\":" + object(reasons) + ",\"unexpected_questions\":" + unexpectedQuestions.get()
            + ",\"sessions_opened\":" + sessionsOpened.get() + ",\"connect_failures\":" + connectFailures.get()
            + String.format(java.util.Locale.ROOT, ",\"server_cpu_s\":%.2f,\"server_cpu_cores\":%.3f,\"server_cpu_us_per_request\":%.1f",
                cpuSeconds, cpuSeconds / settings.durationS(), applied202.get() == 0 ? 0.0 : cpuSeconds * 1e6 / applied202.get())
            + ",\"server_signals\":" + object(new TreeMap<>(serverSignals)) + ",\"failures\":" + object(failures) + "}";
    }

    private static String percentiles(final Histogram h)
    {
        return String.format(java.util.Locale.ROOT, "{\"count\":%d,\"p50\":%.2f,\"p99\":%.2f,\"p999\":%.2f,\"max\":%.2f}",
            h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
            ms(h.getMaxValue()));
    }

    private static String object(final Map<String, Long> counts)
    {
        final StringBuilder out = new StringBuilder("{");
        counts.forEach((name, count) -> out.append(out.length() > 1 ? "," : "").append('"').append(name).append("\":").append(count));
        return out.append('}').toString();
    }

    private static double ms(final long nanos)
    {
        return nanos / 1e6;
    }
}
