package dev.pulse.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** The reader never returns a garbage record: a bad frame is either the torn tail or an exception naming where. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalReaderCorruptionTest
{
    @TempDir
    Path dir;

    private List<RecordSnapshot> clean;
    private long[] indexes;

    @BeforeEach
    void writeSeveralSegments() throws Exception
    {
        try (Journal journal = Journal.open(dir, JournalTesting.configuration(FsyncPolicy.NEVER, 1000, 64 * 1024), new RecordingJournalMetrics()))
        {
            final JournalProxy proxy = journal.newProxy();
            for (int i = 0; i < 60; i++)
            {
                JournalRecords.answer(proxy, i, 7, i, 9, i, "question-" + i, "choice-" + i);
            }
        }
        clean = RecordSnapshot.readAll(dir);
        indexes = SegmentFiles.list(dir);
        assertThat(clean).hasSize(60);
        assertThat(indexes.length).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldThrowNamingFileAndOffsetForAnyFlippedBitInAnEarlierSegment() throws Exception
    {
        final Path first = SegmentFiles.path(dir, 0);
        final byte[] pristine = Files.readAllBytes(first);
        final SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++)
        {
            final byte[] flipped = pristine.clone();
            final int at = random.nextInt(flipped.length);
            flipped[at] ^= (byte)(1 << random.nextInt(8));
            Files.write(first, flipped);

            final List<RecordSnapshot> seen = new ArrayList<>();
            try (JournalReader reader = JournalReader.open(dir))
            {
                final JournalRecordFlyweight record = new JournalRecordFlyweight();
                while (reader.next(record))
                {
                    seen.add(RecordSnapshot.of(record));
                }
                fail("a flipped bit at %d was not noticed", at);
            }
            catch (final JournalCorruptionException ex)
            {
                assertThat(ex.file()).isEqualTo(first);
                assertThat(ex.offset()).isLessThanOrEqualTo(at);
                assertThat(ex.getMessage()).contains(first.toString()).contains("offset " + ex.offset());
            }
            assertThat(seen).as("records before the flipped bit at %d", at).isEqualTo(clean.subList(0, seen.size()));
        }
    }

    @Test
    void shouldThrowForACorruptFrameInTheLastSegmentWithValidFramesAfterIt() throws Exception
    {
        final Path last = SegmentFiles.path(dir, indexes[indexes.length - 1]);
        final byte[] bytes = Files.readAllBytes(last);
        bytes[JournalFrameDescriptor.PAYLOAD_OFFSET + 3] ^= 1;
        Files.write(last, bytes);
        assertThatThrownBy(() -> RecordSnapshot.readAll(dir))
            .isInstanceOf(JournalCorruptionException.class)
            .satisfies(ex -> assertThat(((JournalCorruptionException)ex).offset()).isZero());
    }

    @Test
    void shouldStopQuietlyAtATornTailOfTheLastSegment() throws Exception
    {
        final Path last = SegmentFiles.path(dir, indexes[indexes.length - 1]);
        final byte[] bytes = Files.readAllBytes(last);
        Files.write(last, Arrays.copyOf(bytes, bytes.length - 5));
        assertThat(RecordSnapshot.readAll(dir)).isEqualTo(clean.subList(0, clean.size() - 1));
    }

    @Test
    void shouldThrowWhenASegmentIsMissing() throws Exception
    {
        Files.delete(SegmentFiles.path(dir, 1));
        assertThatThrownBy(() -> JournalReader.open(dir)).isInstanceOf(JournalCorruptionException.class).hasMessageContaining("missing");
    }

    @Test
    void shouldReadNothingFromAnEmptyOrAbsentDirectory() throws Exception
    {
        assertThat(RecordSnapshot.readAll(dir.resolve("absent"))).isEmpty();
    }
}
