package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.pulse.bench.HotPathBenchmark;
import dev.pulse.bench.TempDirectories;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.metrics.Metrics;

import static dev.pulse.journal.JournalRecordEncoder.sizeOf;

/**
 * The journal's sustained write throughput to disk, per fsync policy: the benchmark thread offers
 * signal records as fast as the ring takes them (spinning while it is full), and the journal's own
 * thread drains them into CRC-framed segment files (64 MiB, rolled), forcing them never, every
 * {@code fsync_interval_ms} (the server's default, 100 ms) or after every batch. Once the 1 MiB ring
 * is full the producer can go no faster than the writer, so records/s is the writer's rate; {@code
 * bytes} is the same in frame bytes per second. Files go to {@code java.io.tmpdir}: run it on the
 * disk the journal will use ({@code -jvmArgsAppend -Djava.io.tmpdir=DIR}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JournalWriterBenchmark extends HotPathBenchmark
{
    private static final int RING_BYTES = 1 << 20;
    private static final long SEGMENT_BYTES = 64L << 20;
    private static final String TRIGGER = "pricing-faq-loop";
    private static final String QUESTION = "hard-to-decide";
    private static final DetectorKind DETECTOR = DetectorKind.BACK_AND_FORTH;
    private static final Verdict VERDICT = Verdict.SUPPRESSED_COOLDOWN;
    /** The frame one signal record takes on disk. */
    private static final int FRAME_BYTES = JournalFrameDescriptor.frameLength(JournalRecordFlyweight.HEADER_LENGTH + sizeOf(TRIGGER) +
        sizeOf(DETECTOR.catalogName()) + sizeOf(VERDICT.reason()) + sizeOf(QUESTION));

    @Param({"NEVER", "INTERVAL", "ALWAYS"})
    public FsyncPolicy fsync;

    private Path dir;
    private Journal journal;
    private JournalProxy proxy;
    private long timeMs = 1_700_000_000_000L;

    /** Frame bytes handed to the writer, reported per second next to records per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Written
    {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset()
        {
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        dir = Files.createTempDirectory("pulse-journal-bench");
        journal = Journal.open(dir, new JournalConfiguration(fsync, ServerConfig.defaults().fsyncIntervalMs(), SEGMENT_BYTES, RING_BYTES,
            false, null), new Metrics());
        proxy = journal.newProxy();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        journal.close();
        TempDirectories.delete(dir);
    }

    /** One record into the ring, waiting for room when the writer is behind. */
    @Benchmark
    public void write(final Written written)
    {
        final long now = ++timeMs;
        while (!proxy.record(JournalRecordType.SIGNAL).timeMs(now).sid(0x1234_5678L, now).catalogVersion(42).value(DETECTOR.ordinal())
            .code(VERDICT.ordinal()).string(TRIGGER).string(DETECTOR.catalogName()).string(VERDICT.reason()).string(QUESTION).commit())
        {
            Thread.onSpinWait();
        }
        written.bytes += FRAME_BYTES;
    }
}
