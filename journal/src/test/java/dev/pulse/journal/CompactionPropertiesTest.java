package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the sessions, the erasures among them (before, between or after a session's records) and
 * the segment size: a journal whose every segment is compacted reads back equal to the original minus
 * the erased sessions' records, SESSION_ERASED records kept, every CRC valid, segments still numbered
 * without a gap; and compacting again changes nothing. The seed is fixed, so a run is repeatable.
 */
class CompactionPropertiesTest
{
    @Property(tries = 60, seed = "16")
    void aCompactedJournalReadsBackAsTheOriginalMinusTheErasedSessions(@ForAll @IntRange(min = 1, max = 8) final int sessions,
        @ForAll @IntRange(min = 0, max = 300) final int records, @ForAll @IntRange(min = 200, max = 4000) final int segmentBytes,
        @ForAll final long seed) throws IOException
    {
        final Path dir = Files.createTempDirectory("pulse-compaction");
        try
        {
            write(dir, sessions, records, segmentBytes, new Random(seed));
            final List<RecordSnapshot> original = RecordSnapshot.readAll(dir);
            final long[] segments = SegmentFiles.list(dir);

            compactAll(dir);
            final List<RecordSnapshot> compacted = RecordSnapshot.readAll(dir);
            assertThat(compacted).isEqualTo(Erasures.withoutErased(original));
            assertThat(SegmentFiles.list(dir)).isEqualTo(segments);

            compactAll(dir);
            assertThat(RecordSnapshot.readAll(dir)).as("idempotent").isEqualTo(compacted);
        }
        finally
        {
            try (Stream<Path> files = Files.walk(dir))
            {
                for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
                {
                    Files.delete(file);
                }
            }
        }
    }

    /** Every segment compacted, as the upkeep does for sealed ones (the journal is closed: all are). */
    private static void compactAll(final Path dir) throws IOException
    {
        final ErasedSessions erased = new ErasedSessions();
        new ErasureScan(dir, erased).advance(Long.MAX_VALUE);
        final SegmentCompactor compactor = new SegmentCompactor(dir, CompactionProbe.NONE);
        for (final long index : SegmentFiles.list(dir))
        {
            compactor.compact(index, erased::removes);
        }
    }

    private static void write(final Path dir, final int sessions, final int records, final int segmentBytes, final Random random)
        throws IOException
    {
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(FsyncPolicy.NEVER, segmentBytes, 64 * 1024),
            new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            for (int i = 0; i < records; i++)
            {
                final long sid = 1 + random.nextInt(sessions);
                final boolean written = random.nextInt(10) == 0 ? Erasures.erase(proxy, i, sid) : Erasures.activity(proxy, i, sid, i);
                assertThat(written).isTrue();
                if (i % 50 == 49)
                {
                    // The ring holds 64 KiB: let the journal thread catch up now and then.
                    JournalTesting.awaitWritten(journal, proxy);
                }
            }
        }
    }
}
