package dev.pulse.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One server at one rate, one repetition, as run-e2e.sh left it in its directory: the generator's
 * {@code gen/summary.json}, GC log and exit status; over the measured period the server's CPU
 * ticks, the whole machine's idle and stolen ticks and the server's event-loop run-queue wait
 * ({@code schedstat}); the server's RSS and GC log; and (Pulse) two {@code /metrics} scrapes around
 * the measured period (timer lateness, and the server's own event-to-question time, which excludes
 * the network and the client). Latencies in microseconds.
 */
record LadderRun(
    String server,
    int rate,
    int rep,
    int generatorExit,
    double eventsPerSecond,
    double questionCount,
    double questionP50Us,
    double questionP99Us,
    double questionP999Us,
    double serverCpuUsPerEvent,
    double generatorCpuUsPerEvent,
    double generatorSystemShare,
    double generatorGcMaxPauseMs,
    double sendLagP99Us,
    double machineStealPercent,
    double machineIdlePercent,
    double serverLoopsRunQueueMsPerS,
    double serverLoopsWaitPerSliceUs,
    long missed,
    long unexpected,
    long acksLost,
    double rssMb,
    double gcMaxPauseMs,
    double timerLatenessCount,
    double timerLatenessP99BoundMs,
    double serverQuestionP99BoundMs)
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIMER_LATENESS = "pulse_timer_lateness_seconds";
    private static final String EVENT_TO_QUESTION = "pulse_event_to_question_seconds";

    static LadderRun read(final Path dir) throws IOException
    {
        final KeyValues run = KeyValues.read(dir.resolve("run.env"));
        final Path summaryFile = dir.resolve("gen").resolve("summary.json");
        final JsonNode summary = Files.isRegularFile(summaryFile) ? JSON.readTree(summaryFile.toFile()) : JSON.createObjectNode();
        final JsonNode question = summary.path("latency_us").path("question");
        final JsonNode correctness = summary.path("correctness");
        final double eventsPerSecond = summary.path("events_per_s").asDouble(Double.NaN);
        final double cpuSeconds = (run.number("cpu_ticks_after") - run.number("cpu_ticks_before")) / run.number("clk_tck");
        final double measuredEvents = eventsPerSecond * run.number("measured_s");
        final PrometheusHistogram lateness = PrometheusHistogram.read(dir.resolve("metrics-after.prom"), TIMER_LATENESS)
            .minus(PrometheusHistogram.read(dir.resolve("metrics-before.prom"), TIMER_LATENESS));
        final PrometheusHistogram serverQuestion = PrometheusHistogram.read(dir.resolve("metrics-after.prom"), EVENT_TO_QUESTION)
            .minus(PrometheusHistogram.read(dir.resolve("metrics-before.prom"), EVENT_TO_QUESTION));
        final Path exit = dir.resolve("generator.exit");
        return new LadderRun(
            run.text("server"),
            (int)run.number("rate"),
            (int)run.number("rep"),
            Files.isRegularFile(exit) ? Integer.parseInt(Files.readString(exit).trim()) : -1,
            eventsPerSecond,
            question.path("count").asDouble(Double.NaN),
            question.path("p50").asDouble(Double.NaN),
            question.path("p99").asDouble(Double.NaN),
            question.path("p99_9").asDouble(Double.NaN),
            cpuSeconds * 1e6 / measuredEvents,
            summary.path("generator").path("cpu_us_per_event").asDouble(Double.NaN),
            summary.path("generator").path("cpu_system_share").asDouble(Double.NaN),
            GcLog.maxPauseMs(dir.resolve("gen-gc.log")),
            summary.path("generator").path("send_lag_us").path("p99").asDouble(Double.NaN),
            percentOfMachine(run, "machine_steal_ticks"),
            percentOfMachine(run, "machine_idle_ticks"),
            run.number("server_loops_runqueue_ns") / 1e6 / run.number("measured_s"),
            perSlice(run, "server_loops_runqueue_ns", "server_loops_slices"),
            correctness.path("missed").asLong(0),
            correctness.path("unexpected").asLong(0),
            correctness.path("acks_lost").asLong(0),
            run.number("rss_kb") / 1024,
            GcLog.maxPauseMs(dir.resolve("gc.log")),
            lateness.count(),
            lateness.quantileBound(0.99) * 1e3,
            serverQuestion.quantileBound(0.99) * 1e3);
    }

    /** Run-queue wait per time slice, in µs; NaN if not recorded or no slice. */
    private static double perSlice(final KeyValues run, final String waitNs, final String slices)
    {
        final double count = run.number(slices);
        return count > 0 ? run.number(waitNs) / 1e3 / count : Double.NaN;
    }

    /** These ticks of /proc/stat over the measured period as a share of all the machine's ticks; NaN if not recorded. */
    private static double percentOfMachine(final KeyValues run, final String key)
    {
        final double total = run.number("machine_ticks");
        return total > 0 ? run.number(key) * 100 / total : Double.NaN;
    }
}
