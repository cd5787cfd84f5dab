package dev.pulse.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of a long journal completes in a small heap: {@link SyntheticTraffic} writes about
 * three days of sessions through a real journal, and {@link ReportMemoryRun} makes the report of its
 * first two whole days in a JVM of its own with {@code -Xmx256m}. 20 million records, about 1.5 GiB
 * of segments (measured here: 9 s to write, 7 s to read, 25 s for the test); {@code
 * scripts/report-memory.sh} runs the report three times over one journal for BENCHMARKS.md
 * ({@code -Dpulse.report.memory.runs=3}; {@code .records} and {@code .heap} set the size and the heap).
 * The visitors are a fixed population (one per hundred records): {@link FirstWindows} is the one
 * state that grows with distinct visitors, the rest stays with the sessions alive. The test asserts
 * completion (an OutOfMemoryError ends the child with a non-zero status), never a speed.
 */
class ReportMemoryTest
{
    private static final long RECORDS = Long.getLong("pulse.report.memory.records", 20_000_000);
    private static final int RUNS = Integer.getInteger("pulse.report.memory.runs", 1);
    private static final String HEAP = System.getProperty("pulse.report.memory.heap", "256m");
    /** About three days of journal: sessions a minute for the records asked (a session writes about 5.6). */
    private static final int SESSIONS_PER_MINUTE = (int)Math.max(1, RECORDS / 5.6 / (3 * 1_440));

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void shouldReportALongJournalInA256MiBHeap() throws Exception
    {
        final long writeStartNs = System.nanoTime();
        final long records;
        try (TestJournal journal = TestJournal.open(dir))
        {
            records = SyntheticTraffic.write(journal, 14, NOV_24, RECORDS, (int)Math.max(1_000, RECORDS / 100), SESSIONS_PER_MINUTE);
        }
        System.out.printf("report-memory: wrote %d records in %.1f s%n", records, (System.nanoTime() - writeStartNs) / 1e9);

        for (int run = 0; run < RUNS; run++)
        {
            final String line = runReport(dir.resolve("journal"), records);
            System.out.println(line);
            assertThat(field(line, "records")).isEqualTo(records);
            assertThat(field(line, "sessions")).as("two of the three days' sessions").isBetween(records / 6 / 2, records / 5 * 2 / 3);
            assertThat(field(line, "windows_still_open")).as("a closed range read past its end has no window still open").isZero();
            assertThat(field(line, "headline_units")).isPositive();
        }
    }

    /** The report of the first two days in a child JVM with the small heap; its line of figures. */
    private static String runReport(final Path journalDir, final long records) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + HEAP);
        command.add("-XX:+ExitOnOutOfMemoryError");
        // The flags this JVM was started with for Agrona and Chronicle (the binary's manifest carries the same).
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-opens") || argument.startsWith("--add-exports"))
            {
                command.add(argument);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReportMemoryRun.class.getName(), journalDir.toString(),
            "2026-11-24", "2026-11-25", Long.toString(records)));
        final Path log = Files.createTempFile(journalDir.getParent(), "report", ".out");
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try
        {
            assertThat(child.waitFor(20, TimeUnit.MINUTES)).as("the report finished").isTrue();
        }
        finally
        {
            child.destroyForcibly();
        }
        final String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as("the report in -Xmx%s:%n%s", HEAP, output).isZero();
        return output.lines().filter(line -> line.startsWith(ReportMemoryRun.PREFIX)).findFirst()
            .orElseThrow(() -> new AssertionError("no figures in:\n" + output));
    }

    private static long field(final String line, final String name)
    {
        for (final String part : line.split(" "))
        {
            if (part.startsWith(name + "="))
            {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        throw new AssertionError("no " + name + " in " + line);
    }
}
