package dev.pulse.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * benchmarks/compare-builds.py puts the medians of runs side by side: each build of a
 * run-e2e-builds.sh directory against the floor, or each server of a run-e2e.sh ladder against the
 * floor at the same rate. Python 3 comes from Debian: without it these tests are skipped, unless
 * {@code PULSE_REQUIRE_TOOLS=1} (.ci/run, which installs it) makes that a failure.
 */
class CompareBuildsScriptTest
{
    private static final Path SCRIPT = Path.of("compare-builds.py");

    @TempDir
    Path dir;

    @BeforeAll
    static void python3()
    {
        boolean installed;
        try
        {
            final Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            installed = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (final IOException ex)
        {
            installed = false;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while asking python3 its version", ex);
        }
        if (!installed && "1".equals(System.getenv("PULSE_REQUIRE_TOOLS")))
        {
            throw new AssertionError("PULSE_REQUIRE_TOOLS=1 but python3 is not installed");
        }
        assumeTrue(installed, "python3 is not installed");
    }

    @Test
    void comparesEachServerOfALadderWithTheFloorAtTheSameRate() throws Exception
    {
        // 10 s measured: CPU µs an event = ticks (at 100 a second) * 10,000 / (rate * 10).
        run(dir, "pulse-r1000-rep1", 1_000, 3, 30, 2.0);
        run(dir, "pulse-r1000-rep2", 1_000, 5, 50, 4.0);
        run(dir, "pulse-r1000-rep3", 1_000, 4, 40, 3.0);
        run(dir, "floor-r1000-rep1", 1_000, 2, 20, 1.0);
        run(dir, "pulse-r2000-rep1", 2_000, 3, 90, 30.0);
        run(dir, "floor-r2000-rep1", 2_000, 2, 60, 5.0);

        final String out = compare(dir);

        // The median rep (40 ticks: 40 µs an event) against the floor's 20 at 1,000/s; 45 against 30 at 2,000/s.
        assertThat(out).contains("| pulse-r1000 | 3 (3) | 40.0 | 2.00x | 0.40 | 3.0 |");
        assertThat(out).contains("| floor-r1000 | 1 (1) | 20.0 | 1.00x |");
        assertThat(out).contains("| pulse-r2000 | 1 (1) | 45.0 | 1.50x | 0.30 | 30.0 |");
        // Rows by rate: both servers at 1,000/s before either at 2,000/s.
        assertThat(out.indexOf("| pulse-r1000 |")).isLessThan(out.indexOf("| floor-r2000 |"));
        // Each run listed by its own name, once.
        assertThat(out).contains("- pulse-r1000-rep2: CPU 50.0 µs/event").doesNotContain("pulse-r1000 pulse-r1000-rep2");
    }

    @Test
    void comparesEachBuildWithTheFloor() throws Exception
    {
        run(dir.resolve("before"), "pulse-r1000-rep1", 1_000, 3, 30, 2.0);
        run(dir.resolve("after"), "pulse-r1000-rep1", 1_000, 3, 25, 2.0);
        run(dir.resolve("floor"), "floor-r1000-rep1", 1_000, 2, 20, 1.0);

        final String out = compare(dir);

        assertThat(out).contains("| before | 1 (1) | 30.0 | 1.50x |");
        assertThat(out).contains("| after | 1 (1) | 25.0 | 1.25x |");
        assertThat(out).contains("- before pulse-r1000-rep1: CPU 30.0 µs/event");
    }

    private static String compare(final Path dir) throws Exception
    {
        final Process process = new ProcessBuilder("python3", SCRIPT.toString(), dir.toString()).redirectErrorStream(true).start();
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    /** One finished run of 10 s: {@code loopTicks} of the event loops' CPU, none of the JIT's. */
    private static void run(final Path parent, final String name, final int rate, final int p50Tenths, final int loopTicks,
        final double p99Ms) throws IOException
    {
        final Path run = Files.createDirectories(parent.resolve("runs").resolve(name).resolve("gen")).getParent();
        final int events = rate * 10;
        Files.writeString(run.resolve("run.env"), String.format(Locale.ROOT,
            "clk_tck=100%ncpu_ticks_before=100%ncpu_ticks_after=%d%nmachine_ticks=2000%nmachine_steal_ticks=0%n", 100 + loopTicks));
        Files.writeString(run.resolve("thread-cpu.tsv"), loopTicks + "\tmultiThreadIoEv\n0\tC CompilerThre\n");
        Files.writeString(run.resolve("generator.exit"), "0\n");
        Files.writeString(run.resolve("gen").resolve("summary.json"), String.format(Locale.ROOT,
            "{\"events_sent\": %d, \"latency_us\": {\"question\": {\"p50\": %d, \"p99\": %.0f}}, \"generator\": {\"cpu_us_per_event\": 10.0}}",
            events, p50Tenths * 100, p99Ms * 1000));
    }
}
