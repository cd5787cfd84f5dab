package dev.pulse.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Damage at random places in copies of a realistic journal (written by the real journal code, see
 * {@link RealisticJournal}), then start-up recovery and the reader. Whatever the damage, no garbage
 * record is ever returned: what is read is always a prefix of what was written (plus what is
 * written after recovery). A torn tail, or blocks a crash added after the last record, are cut to the
 * longest valid prefix; damage with valid records after it is quarantined (a copy and its reason kept
 * aside, the segment cut, the journal continuing in a fresh segment); damage in an earlier segment is
 * reported by the reader with its file and offset, and the operator's documented fix (cut the segment
 * there) makes the journal readable again.
 */
class JournalDamagePropertiesTest
{
    private static Path pristine;
    private static List<RecordSnapshot> records;
    private static long[] indexes;
    /** Per segment (by position in {@link #indexes}): the end offset of each of its frames. */
    private static long[][] frameEnds;
    /** Per segment: the number of records in the segments before it. */
    private static int[] recordsBefore;

    @BeforeContainer
    static void writeThePristineJournal() throws IOException
    {
        pristine = Files.createTempDirectory("pulse-journal-pristine");
        RealisticJournal.write(pristine, 150, 42);
        records = RecordSnapshot.readAll(pristine);
        indexes = SegmentFiles.list(pristine);
        frameEnds = new long[indexes.length][];
        recordsBefore = new int[indexes.length];
        int count = 0;
        for (int i = 0; i < indexes.length; i++)
        {
            recordsBefore[i] = count;
            frameEnds[i] = frameEnds(Files.readAllBytes(SegmentFiles.path(pristine, indexes[i])));
            count += frameEnds[i].length;
        }
        assertThat(count).as("every frame is a record").isEqualTo(records.size());
        assertThat(indexes.length).isGreaterThanOrEqualTo(4);
        assertThat(frameEnds[indexes.length - 1].length).as("records in the last segment").isGreaterThan(20);
    }

    @AfterContainer
    static void deleteThePristineJournal() throws IOException
    {
        delete(pristine);
    }

    @Property(tries = 80)
    void aTornTailIsCutToTheLongestValidPrefix(@ForAll("offsetsInTheLastSegment") final int cut) throws IOException
    {
        final Path dir = copyOfPristine();
        try
        {
            final Path last = lastSegment(dir);
            truncate(last, cut);
            final int kept = framesWithin(lastFrameEnds(), cut);
            final List<RecordSnapshot> expected = records.subList(0, recordsBefore[indexes.length - 1] + kept);
            assertThat(RecordSnapshot.readAll(dir)).as("a live reader stops quietly at a torn tail").isEqualTo(expected);

            final Recovered recovered = recoverAndAppend(dir);
            final long validEnd = kept == 0 ? 0 : lastFrameEnds()[kept - 1];
            assertThat(recovered.sizeOfFormerLast()).isEqualTo(validEnd);
            assertThat(recovered.metric("pulse_journal_torn_tail_bytes")).isEqualTo(cut - validEnd);
            assertThat(recovered.metric("pulse_journal_quarantined_segments")).isZero();
            assertThat(SegmentFiles.list(dir)).as("writing resumes in the same segment").isEqualTo(indexes);
            assertReadsExpectedThenAppended(dir, expected);
        }
        finally
        {
            delete(dir);
        }
    }

    @Property(tries = 80)
    void blocksACrashAddedAfterTheLastRecordAreCut(@ForAll @IntRange(min = 0, max = 3000) final int lostBytes,
        @ForAll("addedBlocks") final byte[] added) throws IOException
    {
        final Path dir = copyOfPristine();
        try
        {
            final Path last = lastSegment(dir);
            final int cut = (int)Math.max(0, Files.size(last) - lostBytes);
            truncate(last, cut);
            Files.write(last, added, StandardOpenOption.APPEND);
            final int kept = framesWithin(lastFrameEnds(), cut);
            final List<RecordSnapshot> expected = records.subList(0, recordsBefore[indexes.length - 1] + kept);
            assertThat(RecordSnapshot.readAll(dir)).isEqualTo(expected);

            final Recovered recovered = recoverAndAppend(dir);
            final long validEnd = kept == 0 ? 0 : lastFrameEnds()[kept - 1];
            assertThat(recovered.sizeOfFormerLast()).isEqualTo(validEnd);
            assertThat(recovered.metric("pulse_journal_torn_tail_bytes")).isEqualTo(cut + added.length - validEnd);
            assertThat(recovered.metric("pulse_journal_quarantined_segments")).as("no valid frame after: a torn tail").isZero();
            assertReadsExpectedThenAppended(dir, expected);
        }
        finally
        {
            delete(dir);
        }
    }

    @Property(tries = 100)
    void aFlippedBitInTheLastSegmentIsCutOrQuarantinedAndNeverRead(@ForAll("offsetsInTheLastSegment") final int offset,
        @ForAll @IntRange(min = 0, max = 7) final int bit) throws IOException
    {
        final Path dir = copyOfPristine();
        try
        {
            final Path last = lastSegment(dir);
            final byte[] damaged = flip(last, offset, bit);
            final long[] ends = lastFrameEnds();
            final int frame = framesWithin(ends, offset);
            final long frameStart = frame == 0 ? 0 : ends[frame - 1];
            final boolean lastFrame = frame == ends.length - 1;
            final List<RecordSnapshot> expected = records.subList(0, recordsBefore[indexes.length - 1] + frame);
            if (lastFrame)
            {
                assertThat(RecordSnapshot.readAll(dir)).as("damage in the last frame reads as a torn tail").isEqualTo(expected);
            }
            else
            {
                assertCorruptionReported(dir, last, frameStart, expected);
            }

            final Recovered recovered = recoverAndAppend(dir);
            assertThat(recovered.sizeOfFormerLast()).as("the live segment keeps its valid frames only").isEqualTo(frameStart);
            final List<Path> copies = quarantined(dir);
            if (lastFrame)
            {
                assertThat(copies).isEmpty();
                assertThat(SegmentFiles.list(dir)).isEqualTo(indexes);
            }
            else
            {
                assertThat(recovered.metric("pulse_journal_quarantined_segments")).isOne();
                assertThat(copies).hasSize(1);
                assertThat(Files.readAllBytes(copies.get(0))).as("the quarantined copy is the segment as found").isEqualTo(damaged);
                assertThat(Files.readString(SegmentQuarantine.reasonFile(copies.get(0)), StandardCharsets.UTF_8))
                    .contains(last.toAbsolutePath().toString()).contains("at offset " + frameStart);
                final long[] now = SegmentFiles.list(dir);
                assertThat(now[now.length - 1]).as("the journal continues in a fresh segment").isEqualTo(indexes[indexes.length - 1] + 1);
            }
            assertReadsExpectedThenAppended(dir, expected);
        }
        finally
        {
            delete(dir);
        }
    }

    @Property(tries = 50)
    void aFlippedBitInAnEarlierSegmentIsReportedWithItsPlaceAndTheDocumentedCutRepairsIt(
        @ForAll("earlierSegmentOffsets") final long segmentAndOffset, @ForAll @IntRange(min = 0, max = 7) final int bit) throws IOException
    {
        final Path dir = copyOfPristine();
        try
        {
            final int segment = (int)(segmentAndOffset >>> 32);
            final int offset = (int)segmentAndOffset;
            final Path damagedSegment = SegmentFiles.path(dir, indexes[segment]);
            final byte[] damaged = flip(damagedSegment, offset, bit);
            final int frame = framesWithin(frameEnds[segment], offset);
            final long frameStart = frame == 0 ? 0 : frameEnds[segment][frame - 1];
            assertCorruptionReported(dir, damagedSegment, frameStart, records.subList(0, recordsBefore[segment] + frame));

            final Recovered recovered = recoverAndAppend(dir);
            assertThat(Files.readAllBytes(damagedSegment)).as("start-up leaves earlier segments alone").isEqualTo(damaged);
            assertThat(recovered.metric("pulse_journal_quarantined_segments")).isZero();

            // The operator's fix, as documented: keep a copy, then cut the segment at the offset the error names.
            truncate(damagedSegment, frameStart);
            final List<RecordSnapshot> expected = new ArrayList<>(records.subList(0, recordsBefore[segment] + frame));
            expected.addAll(records.subList(recordsBefore[segment] + frameEnds[segment].length, records.size()));
            assertReadsExpectedThenAppended(dir, expected);
        }
        finally
        {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<Integer> offsetsInTheLastSegment()
    {
        final long[] ends = lastFrameEnds();
        return Arbitraries.integers().between(0, (int)ends[ends.length - 1] - 1);
    }

    @Provide
    Arbitrary<Long> earlierSegmentOffsets()
    {
        return Arbitraries.integers().between(0, indexes.length - 2).flatMap(segment ->
        {
            final long[] ends = frameEnds[segment];
            return Arbitraries.integers().between(0, (int)ends[ends.length - 1] - 1).map(offset -> (long)segment << 32 | offset);
        });
    }

    /** What a crash may leave after the data: zeros (the usual case), garbage, all ones, or a header promising more than there is. */
    @Provide
    Arbitrary<byte[]> addedBlocks()
    {
        final Arbitrary<Integer> lengths = Arbitraries.integers().between(1, 16 * 1024);
        return Arbitraries.oneOf(
            lengths.map(byte[]::new),
            lengths.map(length ->
            {
                final byte[] ones = new byte[length];
                Arrays.fill(ones, (byte)0xFF);
                return ones;
            }),
            Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16 * 1024),
            lengths.map(length ->
            {
                final byte[] header = new byte[Math.max(length, JournalFrameDescriptor.HEADER_LENGTH)];
                final ByteBuffer buffer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
                buffer.putInt(0, header.length + 100).putShort(4, JournalRecordType.ANSWER.code());
                return header;
            }));
    }

    /** What start-up recovery left: the journal's metrics, and the size of the segment that was last, before anything new was written. */
    private record Recovered(RecordingJournalMetrics metrics, long sizeOfFormerLast)
    {
        long metric(final String name)
        {
            return JournalTesting.metric(metrics, name);
        }
    }

    /** Opens the journal (start-up recovery), notes what it left, writes one record and closes it. */
    private static Recovered recoverAndAppend(final Path dir) throws IOException
    {
        final RecordingJournalMetrics metrics = new RecordingJournalMetrics();
        try (Journal journal = Journal.open(dir, RealisticJournal.configuration(), metrics))
        {
            final Recovered recovered = new Recovered(metrics, Files.size(lastSegment(dir)));
            JournalRecords.dismiss(journal.newProxy(), 1, 2, 3, 4, 999_999, "after-recovery");
            return recovered;
        }
    }

    private static void assertReadsExpectedThenAppended(final Path dir, final List<RecordSnapshot> expected) throws IOException
    {
        final List<RecordSnapshot> read = RecordSnapshot.readAll(dir);
        assertThat(read.subList(0, Math.min(read.size(), expected.size()))).isEqualTo(expected);
        assertThat(read.subList(expected.size(), read.size())).extracting(RecordSnapshot::iid).as("written after recovery").containsExactly(999_999);
    }

    private static void assertCorruptionReported(final Path dir, final Path segment, final long frameStart,
        final List<RecordSnapshot> expectedBefore) throws IOException
    {
        final List<RecordSnapshot> seen = new ArrayList<>();
        assertThatThrownBy(() ->
        {
            try (JournalReader reader = JournalReader.open(dir))
            {
                final JournalRecordFlyweight record = new JournalRecordFlyweight();
                while (reader.next(record))
                {
                    seen.add(RecordSnapshot.of(record));
                }
            }
        }).isInstanceOfSatisfying(JournalCorruptionException.class, ex ->
        {
            assertThat(ex.file()).isEqualTo(segment);
            assertThat(ex.offset()).isEqualTo(frameStart);
        });
        assertThat(seen).as("records before the damage, and nothing else").isEqualTo(expectedBefore);
    }

    private static long[] lastFrameEnds()
    {
        return frameEnds[indexes.length - 1];
    }

    private static Path lastSegment(final Path dir)
    {
        return SegmentFiles.path(dir, indexes[indexes.length - 1]);
    }

    /** How many frames end at or before {@code offset}. */
    private static int framesWithin(final long[] ends, final long offset)
    {
        int count = 0;
        while (count < ends.length && ends[count] <= offset)
        {
            count++;
        }
        return count;
    }

    private static long[] frameEnds(final byte[] segment)
    {
        final ByteBuffer buffer = ByteBuffer.wrap(segment).order(ByteOrder.LITTLE_ENDIAN);
        final List<Long> ends = new ArrayList<>();
        int position = 0;
        while (position < segment.length)
        {
            position += buffer.getInt(position);
            ends.add((long)position);
        }
        assertThat(position).isEqualTo(segment.length);
        return ends.stream().mapToLong(Long::longValue).toArray();
    }

    private static byte[] flip(final Path file, final int offset, final int bit) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        bytes[offset] ^= (byte)(1 << bit);
        Files.write(file, bytes);
        return bytes;
    }

    private static void truncate(final Path file, final long size) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(size);
        }
    }

    private static List<Path> quarantined(final Path dir) throws IOException
    {
        final Path quarantine = dir.resolve(SegmentQuarantine.DIRECTORY);
        if (!Files.isDirectory(quarantine))
        {
            return List.of();
        }
        try (Stream<Path> files = Files.list(quarantine))
        {
            return files.filter(file -> !file.getFileName().toString().endsWith(".reason")).toList();
        }
    }

    private static Path copyOfPristine() throws IOException
    {
        final Path dir = Files.createTempDirectory("pulse-journal-damage");
        try (Stream<Path> files = Files.list(pristine))
        {
            for (final Path file : files.toList())
            {
                if (SegmentFiles.indexOf(file.getFileName().toString()) >= 0)
                {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
        }
        return dir;
    }

    private static void delete(final Path dir) throws IOException
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
