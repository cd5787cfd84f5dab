package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A tail follows a live journal record for record: across segment rolls, waiting at a frame not yet
 * whole, resuming from its position, skipping segments deleted before it got there, and refusing
 * damage in a finished segment.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalTailTest
{
    private static final long SEGMENT_BYTES = 1000;

    @TempDir
    Path dir;

    private Journal open(final Path at) throws IOException
    {
        return Journal.open(at, JournalTesting.configuration(FsyncPolicy.NEVER, SEGMENT_BYTES, 64 * 1024), new RecordingJournalMetrics());
    }

    private static void write(final Journal journal, final int from, final int count)
    {
        final JournalProxy proxy = journal.newProxy();
        for (int i = from; i < from + count; i++)
        {
            assertThat(Erasures.activity(proxy, 1_700_000_000_000L + i, 1, i)).isTrue();
        }
        JournalTesting.awaitWritten(journal, proxy);
    }

    /** Every record the tail returns now: its iid, with its id checked unique and increasing. */
    private static List<Integer> drain(final JournalTail tail, final Set<TailPosition> ids) throws IOException
    {
        final List<Integer> iids = new ArrayList<>();
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        while (tail.poll(record))
        {
            final TailPosition id = new TailPosition(tail.recordSegment(), tail.recordOffset());
            assertThat(ids.add(id)).as("record id %s once", id).isTrue();
            assertThat(tail.position()).isGreaterThan(id);
            assertThat(tail.frameLength()).isEqualTo(record.length() + JournalFrameDescriptor.OVERHEAD);
            iids.add(record.iid());
        }
        return iids;
    }

    private static List<Integer> range(final int from, final int count)
    {
        final List<Integer> iids = new ArrayList<>();
        for (int i = from; i < from + count; i++)
        {
            iids.add(i);
        }
        return iids;
    }

    @Test
    void shouldReturnEveryRecordOnceAcrossSegmentRollsAndWaitAtTheLiveTail() throws Exception
    {
        final Set<TailPosition> ids = new HashSet<>();
        try (Journal journal = open(dir); JournalTail tail = JournalTail.open(dir, TailPosition.START))
        {
            assertThat(drain(tail, ids)).as("nothing written yet").isEmpty();
            write(journal, 0, 40);
            assertThat(drain(tail, ids)).isEqualTo(range(0, 40));
            assertThat(drain(tail, ids)).as("at the live tail: nothing more, and no error").isEmpty();
            write(journal, 40, 40);
            assertThat(drain(tail, ids)).isEqualTo(range(40, 40));
            assertThat(SegmentFiles.list(dir).length).as("the records span several segments").isGreaterThan(3);
        }
    }

    @Test
    void shouldResumeFromItsPositionWithTheRecordsAfterIt() throws Exception
    {
        try (Journal journal = open(dir))
        {
            write(journal, 0, 50);
            final TailPosition middle;
            try (JournalTail tail = JournalTail.open(dir, TailPosition.START))
            {
                final JournalRecordFlyweight record = new JournalRecordFlyweight();
                for (int i = 0; i < 23; i++)
                {
                    assertThat(tail.poll(record)).isTrue();
                }
                middle = tail.position();
            }
            try (JournalTail resumed = JournalTail.open(dir, middle))
            {
                assertThat(drain(resumed, new HashSet<>())).isEqualTo(range(23, 27));
            }
        }
    }

    @Test
    void shouldWaitForAFrameNotYetWholeAndReturnItOnceItIs() throws Exception
    {
        final Path source = dir.resolve("source");
        try (Journal journal = open(source))
        {
            write(journal, 0, 3);
        }
        final byte[] segment = Files.readAllBytes(SegmentFiles.path(source, 0));
        final Path live = Files.createDirectories(dir.resolve("live"));
        final int cut = segment.length - 10;
        Files.write(SegmentFiles.path(live, 0), java.util.Arrays.copyOf(segment, cut));
        try (JournalTail tail = JournalTail.open(live, TailPosition.START))
        {
            assertThat(drain(tail, new HashSet<>())).as("the third frame is not whole: waited for").isEqualTo(range(0, 2));
            Files.write(SegmentFiles.path(live, 0), java.util.Arrays.copyOfRange(segment, cut, segment.length), StandardOpenOption.APPEND);
            assertThat(drain(tail, new HashSet<>())).isEqualTo(range(2, 1));
        }
    }

    @Test
    void shouldRefuseABadFrameInAFinishedSegment() throws Exception
    {
        try (Journal journal = open(dir))
        {
            write(journal, 0, 40);
        }
        final Path first = SegmentFiles.path(dir, 0);
        final byte[] bytes = Files.readAllBytes(first);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(first, bytes);
        try (JournalTail tail = JournalTail.open(dir, TailPosition.START))
        {
            assertThatThrownBy(() -> drain(tail, new HashSet<>())).isInstanceOf(JournalCorruptionException.class)
                .hasMessageContaining(first.getFileName().toString());
        }
    }

    @Test
    void shouldRefuseAPositionPastTheSegmentsEnd() throws Exception
    {
        try (Journal journal = open(dir))
        {
            write(journal, 0, 3);
        }
        try (JournalTail tail = JournalTail.open(dir, new TailPosition(0, 1_000_000)))
        {
            assertThatThrownBy(() -> tail.poll(new JournalRecordFlyweight())).isInstanceOf(JournalCorruptionException.class)
                .hasMessageContaining("past the segment's end");
        }
    }

    @Test
    void shouldSkipAndCountSegmentsDeletedBeforeItGotThere() throws Exception
    {
        try (Journal journal = open(dir))
        {
            write(journal, 0, 40);
        }
        final long[] segments = SegmentFiles.list(dir);
        Files.delete(SegmentFiles.path(dir, segments[0]));
        Files.delete(SegmentFiles.path(dir, segments[1]));
        final List<RecordSnapshot> left = RecordSnapshot.readAll(dir);
        try (JournalTail tail = JournalTail.open(dir, new TailPosition(segments[0], 0)))
        {
            final List<Integer> iids = drain(tail, new HashSet<>());
            assertThat(iids).hasSize(left.size()).last().isEqualTo(39);
            assertThat(tail.skippedSegments()).isEqualTo(2);
        }
    }
}
