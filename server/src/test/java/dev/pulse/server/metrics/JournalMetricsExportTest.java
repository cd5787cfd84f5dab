package dev.pulse.server.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.JournalRecords;
import dev.pulse.journal.JournalUpkeep;
import dev.pulse.journal.JournalUpkeepConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal registers its figures through {@code JournalMetrics}; the server's {@link Metrics}
 * exports them with the Prometheus type each promises (a {@code _total} only ever grows, so it is a
 * counter: rate() and increase() would not treat a restart as a reset of a gauge).
 */
class JournalMetricsExportTest
{
    @TempDir
    Path dir;

    @Test
    void shouldExportLagAndHealthAsGaugesAndBytesWrittenAsACounter() throws Exception
    {
        final Metrics metrics = new Metrics();
        final JournalConfiguration configuration = new JournalConfiguration(FsyncPolicy.NEVER, 0, 1 << 20, 1 << 20, false,
            new byte[JournalConfiguration.SEARCH_HASH_KEY_LENGTH]);
        try (Journal journal = Journal.open(dir, configuration, metrics))
        {
            final JournalProxy proxy = journal.newProxy();
            JournalRecords.dismiss(proxy, 1, 1, 2, 3, 1, "q");
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (journal.writtenPosition() < proxy.lastPosition() && System.nanoTime() < deadlineNs)
            {
                LockSupport.parkNanos(200_000);
            }

            final long segmentBytes;
            try (Stream<Path> files = Files.list(dir))
            {
                segmentBytes = files.filter(file -> file.getFileName().toString().endsWith(".journal")).mapToLong(JournalMetricsExportTest::size).sum();
            }
            assertThat(metrics.prometheusText())
                .contains("# TYPE pulse_journal_written_bytes_total counter\n")
                .contains("pulse_journal_written_bytes_total " + segmentBytes + "\n")
                .contains("# TYPE pulse_journal_lag_bytes gauge\n")
                .contains("pulse_journal_lag_bytes 0\n")
                .contains("# TYPE pulse_journal_healthy gauge\n")
                .contains("pulse_journal_healthy 1\n");
        }
    }

    @Test
    void shouldExportRetentionAndCompactionCountsAsCounters() throws Exception
    {
        final Metrics metrics = new Metrics();
        final JournalConfiguration configuration = new JournalConfiguration(FsyncPolicy.NEVER, 0, 1 << 20, 1 << 20, false,
            new byte[JournalConfiguration.SEARCH_HASH_KEY_LENGTH]);
        try (Journal journal = Journal.open(dir, configuration, metrics);
             JournalUpkeep upkeep = JournalUpkeep.start(journal, JournalUpkeepConfiguration.defaults(), metrics))
        {
            assertThat(upkeep).isNotNull();
            assertThat(metrics.prometheusText())
                .contains("# TYPE pulse_journal_retention_deleted_segments_total counter\npulse_journal_retention_deleted_segments_total 0\n")
                .contains("# TYPE pulse_journal_retention_deleted_bytes_total counter\n")
                .contains("# TYPE pulse_journal_retention_compacted_segments_total counter\npulse_journal_retention_compacted_segments_total 0\n")
                .contains("# TYPE pulse_journal_retention_compacted_bytes_total counter\n")
                .contains("# TYPE pulse_journal_compacted_segments_total counter\n")
                .contains("# TYPE pulse_journal_compacted_records_total counter\n")
                .contains("# TYPE pulse_journal_upkeep_failures_total counter\n");
        }
    }

    private static long size(final Path file)
    {
        try
        {
            return Files.size(file);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
