package dev.pulse.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report computes what run-e2e.sh's files say: medians, ratios, CPU per event, GC pauses, lateness. */
class E2eReportTest
{
    @TempDir
    Path dir;

    @Test
    void tablesTheMediansRatiosCpuPerEventAndWorstPause() throws IOException
    {
        Files.writeString(dir.resolve("machine.env"), "nproc=2\ncpu_model=Test CPU\nulimit_hn=20000\nrates=1000\nreps=3\n");
        // Pulse: question p99 of 1, 3 and 2 ms (median 2 ms); 2 s of CPU for 1,000 events/s over 10 s: 200 µs/event.
        pulseRun(1, 1_000, 12.5);
        pulseRun(2, 3_000, 3.0);
        pulseRun(3, 2_000, 4.0);
        run("floor", 1, 1_000, 1_000, 100, 200, 1.0, 0);
        // At 2,000 events/s Pulse's p99 (20 ms) is over the 10 ms budget, the floor's (5 ms) within it.
        run("pulse", 1, 2_000, 20_000, 100, 300, 1.0, 0);
        run("floor", 1, 2_000, 5_000, 100, 200, 1.0, 0);
        final Path report = dir.resolve("report.md");

        E2eReport.main(new String[] {dir.toString(), report.toString()});

        final String text = Files.readString(report);
        assertThat(text).contains("Test CPU").contains("| 20000 |").contains("Generator and servers share these cores");
        assertThat(text).contains("| 1,000 | 2.00 | 1.00 | 2.00× | 200 | 100 | 2.00× | 7.00 | 10.0 |");
        assertThat(text).contains("at most 10.0 ms: Pulse 1,000 events/s, floor 2,000 events/s (0.50×)");
        assertThat(text).contains("| machine CPU stolen by the hypervisor (%) | 10.0 | 10.0 |");
        assertThat(text).contains("| machine CPU idle (%) | 25.0 | 25.0 |");
        // 3 s of run-queue wait over the 10 s measured, in 50,000 slices.
        assertThat(text).contains("| server event loops waiting for a core (ms per s, summed) | 300 | 300 |");
        assertThat(text).contains("| server event loops: mean wait for a core per wake-up (µs) | 60.0 | 60.0 |");
        assertThat(text).contains("| generator CPU in the kernel (%) | 60.0 | 60.0 |");
        assertThat(text).contains("| generator GC max pause, worst run (ms) | 0.500 | 0.500 |");
        assertThat(text).contains("| question p99 (ms) | 2.00 | 1.00 | 2.00× |");
        assertThat(text).contains("| GC max pause, worst run (ms) | 12.5 | 1.00 |");
        assertThat(text).contains("| missed / unexpected / acks lost, all runs | 3 / 0 / 0 | 0 / 0 / 0 |");
        assertThat(text).contains("| idle-timer lateness p99, bucket bound (ms); timers fired | 5.00; 100 |");
        final String svg = Files.readString(dir.resolve("report-latency.svg"));
        assertThat(svg).startsWith("<svg").contains("Pulse p99").contains("floor p99.9").contains("stroke-dasharray");
    }

    @Test
    void saysWhereTheServersAndTheGeneratorWerePinned() throws IOException
    {
        Files.writeString(dir.resolve("machine.env"), "nproc=2\nserver_cpus=1\ngenerator_cpus=0\n");
        run("floor", 1, 1_000, 1_000, 100, 200, 1.0, 0);
        final Path report = dir.resolve("report.md");

        E2eReport.main(new String[] {dir.toString(), report.toString()});

        assertThat(Files.readString(report)).contains("Pinned with `taskset -c`: each server on CPUs 1, the generator on CPUs 0;")
            .doesNotContain("share these cores");
    }

    @Test
    void findsTheLongestPauseOfG1AndZgcLogs() throws IOException
    {
        final Path log = dir.resolve("gc.log");
        Files.writeString(log, String.join("\n",
            "[0.010s][info][gc,init] Pause Young overhead 99.0ms",
            "[1.200s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(512M) 3.456ms",
            "[2.000s][info][gc,phases] GC(1) Pause Mark Start 0.012ms",
            "[2.100s][info][gc] GC(2) Pause Young (Concurrent Start) (G1 Humongous Allocation) 30M->9M(512M) 7.891ms",
            "[2.200s][info][gc,cpu] GC(2) User=0.01s Sys=0.00s Real=0.01s", ""));

        assertThat(GcLog.maxPauseMs(log)).isEqualTo(7.891);
        assertThat(GcLog.maxPauseMs(dir.resolve("missing.log"))).isNaN();
    }

    private void pulseRun(final int rep, final double p99Us, final double gcPauseMs) throws IOException
    {
        final Path run = run("pulse", rep, 1_000, p99Us, 100, 300, gcPauseMs, 1);
        Files.writeString(run.resolve("metrics-before.prom"),
            "pulse_timer_lateness_seconds_bucket{le=\"0.001\"} 10\npulse_timer_lateness_seconds_bucket{le=\"0.005\"} 10\n" +
            "pulse_timer_lateness_seconds_bucket{le=\"+Inf\"} 10\n");
        Files.writeString(run.resolve("metrics-after.prom"),
            "pulse_timer_lateness_seconds_bucket{le=\"0.001\"} 50\npulse_timer_lateness_seconds_bucket{le=\"0.005\"} 110\n" +
            "pulse_timer_lateness_seconds_bucket{le=\"+Inf\"} 110\n");
    }

    private Path run(final String server, final int rep, final int rate, final double p99Us, final int ticksBefore, final int ticksAfter,
        final double gcPauseMs, final int missed) throws IOException
    {
        final Path run = dir.resolve("runs").resolve(server + "-r" + rate + "-rep" + rep);
        Files.createDirectories(run.resolve("gen"));
        Files.writeString(run.resolve("run.env"), String.format(Locale.ROOT,
            "server=%s\nrate=%d\nrep=%d\nclk_tck=100\ncpu_ticks_before=%d\ncpu_ticks_after=%d\nmeasured_s=10\nrss_kb=102400\n" +
                "machine_ticks=2000\nmachine_steal_ticks=200\nmachine_idle_ticks=500\n" +
                "server_loops_runqueue_ns=3000000000\nserver_loops_slices=50000\n",
            server, rate, rep, ticksBefore, ticksAfter));
        Files.writeString(run.resolve("gen-gc.log"), "[1.000s][info][gc,phases] GC(0) Pause Mark Start 0.500ms\n");
        Files.writeString(run.resolve("generator.exit"), missed == 0 ? "0\n" : "1\n");
        Files.writeString(run.resolve("gc.log"), String.format(Locale.ROOT,
            "[1.000s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(512M) %.3fms%n", gcPauseMs));
        Files.writeString(run.resolve("gen").resolve("summary.json"), String.format(Locale.ROOT,
            "{\"events_per_s\":%d.0,\"generator\":{\"cpu_us_per_event\":7.0,\"cpu_system_share\":0.6,\"send_lag_us\":{\"p99\":300.0}}," +
                "\"latency_us\":{\"question\":{\"count\":500,\"p50\":100.0,\"p99\":%.1f,\"p99_9\":%.1f}}," +
                "\"correctness\":{\"missed\":%d,\"unexpected\":0,\"acks_lost\":0},\"ok\":%b}",
            rate, p99Us, p99Us * 2, missed, missed == 0));
        return run;
    }
}
