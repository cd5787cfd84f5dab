package dev.pulse.journal;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compaction of erased sessions' records, a pass at a time on a fake wall clock: sealed segments
 * are rewritten without them, the SESSION_ERASED records stay, the segment being written is sealed
 * once it is older than the erasure delay, and a damaged segment is left alone.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalCompactionTest
{
    private static final long SEGMENT_BYTES = 1000;
    private static final long DELAY_MS = TimeUnit.MINUTES.toMillis(5);
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final AtomicLong nowMs = new AtomicLong(T0);
    private final JournalUpkeepConfiguration configuration =
        new JournalUpkeepConfiguration(TimeUnit.DAYS.toMillis(90), 0, DELAY_MS, TimeUnit.HOURS.toMillis(1));

    private Journal open() throws Exception
    {
        return Journal.open(dir, JournalTesting.configuration(FsyncPolicy.NEVER, SEGMENT_BYTES, 64 * 1024), new RecordingJournalMetrics());
    }

    /** Sessions 1, 2 and 3 take turns over many segments; session 2 is erased in the segment being written. */
    private static void writeThreeSessions(final Journal journal, final JournalProxy proxy)
    {
        for (int i = 0; i < 120; i++)
        {
            Erasures.activity(proxy, T0 + i, 1 + i % 3, i);
        }
        Erasures.erase(proxy, T0 + 200, 2);
        Erasures.activity(proxy, T0 + 201, 2, 500);
        JournalTesting.awaitWritten(journal, proxy);
    }

    @Test
    void shouldRemoveAnErasedSessionsRecordsFromSealedSegmentsAndKeepItsErasure() throws Exception
    {
        try (Journal journal = open())
        {
            final JournalProxy proxy = journal.newProxy();
            writeThreeSessions(journal, proxy);
            final List<RecordSnapshot> before = RecordSnapshot.readAll(dir);
            final long active = journal.activeSegmentIndex();
            final byte[] activeBytes = Files.readAllBytes(SegmentFiles.path(dir, active));
            final JournalUpkeep upkeep = new JournalUpkeep(journal, configuration, nowMs::get, CompactionProbe.NONE);

            upkeep.runPass();

            final List<RecordSnapshot> after = RecordSnapshot.readAll(dir);
            final List<RecordSnapshot> inActive = RecordSnapshot.readSegment(dir, active);
            assertThat(after).as("read back, every CRC valid: all but session 2's records in sealed segments")
                .containsExactlyElementsOf(before.stream().filter(r -> r.sidLo() != 2 || inActive.contains(r)).toList());
            assertThat(upkeep.removedRecords()).isEqualTo(before.size() - after.size()).isGreaterThan(30);
            assertThat(upkeep.compactedSegments()).isGreaterThan(3);
            assertThat(after).filteredOn(r -> r.type() == JournalRecordType.SESSION_ERASED).hasSize(1);
            assertThat(Files.readAllBytes(SegmentFiles.path(dir, active))).as("the segment being written is not touched").isEqualTo(activeBytes);
            assertThat(SegmentFiles.list(dir)).as("no segment is deleted, even an emptied one").hasSize((int)active + 1);

            final long compacted = upkeep.compactedSegments();
            upkeep.runPass();
            assertThat(upkeep.compactedSegments()).as("nothing left to remove: no segment rewritten again").isEqualTo(compacted);
            assertThat(RecordSnapshot.readAll(dir)).isEqualTo(after);
        }
    }

    @Test
    void shouldSealTheSegmentBeingWrittenOnceItIsOlderThanTheErasureDelayAndThenCompactIt() throws Exception
    {
        try (Journal journal = open())
        {
            final JournalProxy proxy = journal.newProxy();
            writeThreeSessions(journal, proxy);
            final JournalUpkeep upkeep = new JournalUpkeep(journal, configuration, nowMs::get, CompactionProbe.NONE);
            final long active = journal.activeSegmentIndex();

            // The active segment's first record is at about T0 + 100: not yet five minutes old.
            nowMs.set(T0 + DELAY_MS - 1_000);
            upkeep.runPass();
            assertThat(journal.activeSegmentIndex()).as("younger than the delay: not sealed").isEqualTo(active);

            nowMs.set(T0 + 200 + DELAY_MS);
            upkeep.runPass();
            JournalTesting.await(() -> journal.activeSegmentIndex() == active + 1, "the journal thread to seal the segment");
            // The pass after the seal reads the sealed segment whole, then compacts it.
            upkeep.runPass();

            assertThat(RecordSnapshot.readAll(dir)).as("none of session 2's records is left but its erasure")
                .filteredOn(r -> r.sidLo() == 2).extracting(RecordSnapshot::type).containsExactly(JournalRecordType.SESSION_ERASED);
            Erasures.activity(proxy, T0 + 300, 1, 600);
            JournalTesting.awaitWritten(journal, proxy);
            assertThat(journal.activeSegmentIndex()).as("the next record goes to the new segment").isEqualTo(active + 1);
        }
    }

    @Test
    void shouldNotSealASegmentWithoutAnErasedSessionsRecords() throws Exception
    {
        try (Journal journal = open())
        {
            final JournalProxy proxy = journal.newProxy();
            for (int i = 0; i < 40; i++)
            {
                Erasures.activity(proxy, T0 + i, 1 + i % 2, i);
            }
            JournalTesting.awaitWritten(journal, proxy);
            // Session 9 is erased, but it has no records: nothing to seal for.
            Erasures.erase(proxy, T0 + 50, 9);
            JournalTesting.awaitWritten(journal, proxy);
            final long active = journal.activeSegmentIndex();
            final JournalUpkeep upkeep = new JournalUpkeep(journal, configuration, nowMs::get, CompactionProbe.NONE);
            nowMs.set(T0 + DELAY_MS * 10);

            upkeep.runPass();
            Erasures.activity(proxy, T0 + 60, 1, 99);
            JournalTesting.awaitWritten(journal, proxy);

            assertThat(journal.activeSegmentIndex()).isEqualTo(active);
            assertThat(upkeep.removedRecords()).isZero();
        }
    }

    @Test
    void shouldKeepTheSegmentsModificationTimeSoReadersOfTheRecentPastDoNotTakeItForNew() throws Exception
    {
        try (Journal journal = open())
        {
            final JournalProxy proxy = journal.newProxy();
            writeThreeSessions(journal, proxy);
            final FileTime old = FileTime.fromMillis(T0 - TimeUnit.DAYS.toMillis(3));
            Files.setLastModifiedTime(SegmentFiles.path(dir, 0), old);

            new JournalUpkeep(journal, configuration, nowMs::get, CompactionProbe.NONE).runPass();

            assertThat(Files.size(SegmentFiles.path(dir, 0))).as("compacted").isLessThan(SEGMENT_BYTES - 100);
            assertThat(Files.getLastModifiedTime(SegmentFiles.path(dir, 0))).isEqualTo(old);
        }
    }

    @Test
    void shouldLeaveADamagedSealedSegmentAsItIs() throws Exception
    {
        try (Journal journal = open())
        {
            final JournalProxy proxy = journal.newProxy();
            writeThreeSessions(journal, proxy);
            final Path segment = SegmentFiles.path(dir, 1);
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE))
            {
                channel.write(java.nio.ByteBuffer.wrap(new byte[] {(byte)0xFF}), 200);
            }
            final byte[] damaged = Files.readAllBytes(segment);
            final JournalUpkeep upkeep = new JournalUpkeep(journal, configuration, nowMs::get, CompactionProbe.NONE);

            upkeep.runPass();

            assertThat(Files.readAllBytes(segment)).as("not rewritten without what follows the damage").isEqualTo(damaged);
            assertThat(upkeep.compactedSegments()).as("the others are").isGreaterThan(2);
            assertThat(upkeep.failedPasses()).isZero();
        }
    }

    @Test
    void shouldRunAPassSoonAfterAnErasureIsWrittenWithoutWaitingForTheInterval() throws Exception
    {
        final RecordingJournalMetrics metrics = new RecordingJournalMetrics();
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(FsyncPolicy.NEVER, SEGMENT_BYTES, 64 * 1024), metrics);
             JournalUpkeep upkeep = JournalUpkeep.start(journal, configuration, metrics))
        {
            final JournalProxy proxy = journal.newProxy();
            for (int i = 0; i < 60; i++)
            {
                Erasures.activity(proxy, T0 + i, 1 + i % 2, i);
            }
            JournalTesting.awaitWritten(journal, proxy);
            assertThat(journal.activeSegmentIndex()).isGreaterThan(1);
            Erasures.erase(proxy, T0 + 100, 2);

            // The interval is an hour: only the wake-up after the erasure can run this pass.
            JournalTesting.await(() -> metrics.value("pulse_journal_compacted_segments_total") > 0, "a compaction after the erasure");
            assertThat(metrics.kind("pulse_journal_compacted_records_total")).isEqualTo(RecordingJournalMetrics.Kind.COUNTER);
            assertThat(metrics.value("pulse_journal_upkeep_failures_total")).isZero();
            assertThat(upkeep.failedPasses()).isZero();
        }
    }
}
