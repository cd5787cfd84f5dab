package dev.pulse.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention with {@code journal_retention_mode: compact}: a sealed segment past the age is rewritten
 * to the records the report reads (every one of their types survives, with valid CRCs), its raw
 * events and responses shown dropped; nothing is deleted by age; a compacted segment is not rewritten
 * again; the segment being written and the young ones are left byte for byte; the size limit still
 * holds, by compacting first and deleting the oldest only when that is not enough.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalRetentionCompactTest
{
    private static final long SEGMENT_BYTES = 2000;
    private static final long DAY_MS = TimeUnit.DAYS.toMillis(1);
    private static final long NOW_MS = 1_700_000_000_000L;
    private static final long CATALOG = 0x1234L;
    /** The session that erases the one before it. */
    private static final long ERASER = 3;

    @TempDir
    Path dir;

    private final RecordingJournalMetrics metrics = new RecordingJournalMetrics();

    private Journal open() throws Exception
    {
        return Journal.open(dir, JournalTesting.configuration(FsyncPolicy.NEVER, SEGMENT_BYTES, 64 * 1024), metrics);
    }

    /** Two sessions a day for 8 days up to today, each with a record of every type; each segment's file time that of its newest record. */
    private void writeEveryTypeDaily(final Journal journal) throws Exception
    {
        final JournalProxy proxy = journal.newProxy();
        for (int s = 0; s < 16; s++)
        {
            session(proxy, NOW_MS - (7 - s / 2) * DAY_MS, s);
            JournalTesting.awaitWritten(journal, proxy);
        }
        RecordSnapshot.stampSegmentsWithTheirNewestRecord(dir);
    }

    private static void session(final JournalProxy proxy, final long timeMs, final long lo)
    {
        final long hi = 9;
        proxy.catalogReload(timeMs, true, "2026.11." + lo, CATALOG, "catalog.yaml", 0);
        proxy.sessionStart(timeMs, hi, lo, CATALOG, false, lo * 31, "acme", new CharSequence[] {"device", "mobile"}, 2);
        proxy.rawEvent(timeMs + 1, hi, lo, CATALOG, RawEventKind.PAGE, 1, 0, new CharSequence[] {"url", "/pricing"}, 2);
        JournalRecords.signal(proxy, timeMs + 2, hi, lo, CATALOG, "t", DetectorKind.FAILED_SEARCH, Verdict.SHOWN, 1, "q", "shoes");
        JournalRecords.questionShown(proxy, timeMs + 2, hi, lo, CATALOG, 1, "t", "q", "a", null, "pricing");
        proxy.rawEvent(timeMs + 3, hi, lo, CATALOG, RawEventKind.ANSWER, 2, 1, new CharSequence[] {"iid", "1", "choice", "price"}, 4);
        JournalRecords.answer(proxy, timeMs + 3, hi, lo, CATALOG, 1, "q", "price");
        JournalRecords.responseShown(proxy, timeMs + 3, hi, lo, CATALOG, 1, "q", "price", "r", null);
        proxy.record(JournalRecordType.FEEDBACK).timeMs(timeMs + 4).sid(hi, lo).catalogVersion(CATALOG).iid(1).code(0)
            .string("q").string("price").string("r").commit();
        proxy.record(JournalRecordType.HANDOFF).timeMs(timeMs + 4).sid(hi, lo).catalogVersion(CATALOG).iid(1).code(1)
            .string("q").string("price").string("r").string("link").commit();
        JournalRecords.dismiss(proxy, timeMs + 4, hi, lo, CATALOG, 2, "q2");
        proxy.record(JournalRecordType.QUESTION_UNSEEN).timeMs(timeMs + 4).sid(hi, lo).catalogVersion(CATALOG).iid(3).string("q3").commit();
        JournalRecords.outcome(proxy, timeMs + 5, hi, lo, CATALOG, OutcomeKind.values()[0], OutcomeGroup.SHOWN, 1, 5, "t", "q", "a", "price",
            "r", "failed_search");
        proxy.sessionEnd(timeMs + 6, hi, lo, SessionEndReason.EXPIRED);
        if (lo == ERASER)
        {
            // One erasure, 6 days ago: both compactions meet in the old segments, the young ones hold no erased records.
            proxy.record(JournalRecordType.SESSION_ERASED).timeMs(timeMs + 7).sid(hi, lo - 1).value((lo - 1) * 31).code(0).commit();
        }
    }

    private JournalUpkeep upkeep(final Journal journal, final long ageMs, final long bytes)
    {
        final JournalUpkeep upkeep = new JournalUpkeep(journal,
            new JournalUpkeepConfiguration(ageMs, bytes, 0, 60_000, RetentionMode.COMPACT), () -> NOW_MS, CompactionProbe.NONE);
        upkeep.registerMetrics(metrics);
        return upkeep;
    }

    private Map<Long, byte[]> bytesBySegment() throws Exception
    {
        final Map<Long, byte[]> bytes = new HashMap<>();
        for (final long index : SegmentFiles.list(dir))
        {
            bytes.put(index, Files.readAllBytes(SegmentFiles.path(dir, index)));
        }
        return bytes;
    }

    private static boolean pastAge(final List<RecordSnapshot> segment, final long cutoffMs)
    {
        return segment.stream().mapToLong(RecordSnapshot::timestampMs).max().getAsLong() < cutoffMs;
    }

    @Test
    void shouldCompactSealedSegmentsPastTheAgeToTheReportsRecordsAndLeaveTheRestByteForByte() throws Exception
    {
        try (Journal journal = open())
        {
            writeEveryTypeDaily(journal);
            final long cutoffMs = NOW_MS - 3 * DAY_MS;
            final long active = journal.activeSegmentIndex();
            final long[] segments = SegmentFiles.list(dir);
            final Map<Long, List<RecordSnapshot>> before = new HashMap<>();
            for (final long index : segments)
            {
                before.put(index, RecordSnapshot.readSegment(dir, index));
            }
            final Map<Long, byte[]> bytesBefore = bytesBySegment();

            upkeep(journal, 3 * DAY_MS, 0).runPass();

            assertThat(SegmentFiles.list(dir)).as("compact mode deletes nothing by age").isEqualTo(segments);
            final Set<JournalRecordType> keptTypes = EnumSet.noneOf(JournalRecordType.class);
            int compacted = 0;
            for (final long index : segments)
            {
                final List<RecordSnapshot> old = before.get(index);
                if (index < active && pastAge(old, cutoffMs))
                {
                    compacted++;
                    final List<RecordSnapshot> after = RecordSnapshot.readSegment(dir, index);
                    assertThat(after).as("segment %d: the report's records, in order, CRCs valid", index)
                        .isEqualTo(old.stream().filter(r -> ReportRecords.keptTypes().contains(r.type()))
                            .filter(r -> r.sidLo() != ERASER - 1 || r.type() == JournalRecordType.SESSION_ERASED).toList());
                    after.forEach(r -> keptTypes.add(r.type()));
                }
                else
                {
                    assertThat(Files.readAllBytes(SegmentFiles.path(dir, index))).as("segment %d (young or being written) untouched", index)
                        .isEqualTo(bytesBefore.get(index));
                }
            }
            assertThat(compacted).as("the fixture puts segments on both sides of the age").isBetween(2, segments.length - 2);
            assertThat(keptTypes).as("every type the report reads, and SESSION_ERASED, survives").isEqualTo(ReportRecords.keptTypes())
                .doesNotContain(JournalRecordType.RAW_EVENT, JournalRecordType.RESPONSE_SHOWN);
            assertThat(RecordSnapshot.readAll(dir)).as("the reader reads the whole journal across compacted segments").hasSizeGreaterThan(0);
            assertThat(metrics.value("pulse_journal_retention_compacted_segments_total")).isEqualTo(compacted);
            assertThat(metrics.value("pulse_journal_retention_compacted_bytes_total")).isPositive();
            assertThat(metrics.value("pulse_journal_retention_deleted_segments_total")).isZero();
        }
    }

    @Test
    void shouldNotRewriteACompactedSegmentAgainInThisRunOrAfterARestart() throws Exception
    {
        try (Journal journal = open())
        {
            writeEveryTypeDaily(journal);
            final JournalUpkeep upkeep = upkeep(journal, 3 * DAY_MS, 0);
            upkeep.runPass();
            final long compacted = metrics.value("pulse_journal_retention_compacted_segments_total");
            final Map<Long, byte[]> bytes = bytesBySegment();
            final Map<Long, FileTime> times = new HashMap<>();
            for (final long index : SegmentFiles.list(dir))
            {
                times.put(index, Files.getLastModifiedTime(SegmentFiles.path(dir, index)));
            }

            upkeep.runPass();
            final RecordingJournalMetrics restarted = new RecordingJournalMetrics();
            final JournalUpkeep afterRestart = new JournalUpkeep(journal,
                new JournalUpkeepConfiguration(3 * DAY_MS, 0, 0, 60_000, RetentionMode.COMPACT), () -> NOW_MS, CompactionProbe.NONE);
            afterRestart.registerMetrics(restarted);
            afterRestart.runPass();

            assertThat(compacted).isPositive();
            assertThat(metrics.value("pulse_journal_retention_compacted_segments_total")).isEqualTo(compacted);
            assertThat(restarted.value("pulse_journal_retention_compacted_segments_total")).as("nothing left to remove").isZero();
            assertThat(bytesBySegment()).containsOnlyKeys(bytes.keySet());
            for (final long index : SegmentFiles.list(dir))
            {
                assertThat(Files.readAllBytes(SegmentFiles.path(dir, index))).isEqualTo(bytes.get(index));
                assertThat(Files.getLastModifiedTime(SegmentFiles.path(dir, index))).as("not rewritten: its file time kept")
                    .isEqualTo(times.get(index));
            }
        }
    }

    @Test
    void shouldCompactTheOldestOverTheSizeAndDeleteNoneWhenThatIsEnough() throws Exception
    {
        try (Journal journal = open())
        {
            writeEveryTypeDaily(journal);
            final long[] segments = SegmentFiles.list(dir);
            final long total = totalBytes();

            upkeep(journal, 365 * DAY_MS, total - 100).runPass();

            assertThat(SegmentFiles.list(dir)).isEqualTo(segments);
            assertThat(totalBytes()).isLessThanOrEqualTo(total - 100);
            assertThat(metrics.value("pulse_journal_retention_compacted_segments_total")).isEqualTo(1);
            assertThat(RecordSnapshot.readSegment(dir, segments[0])).extracting(RecordSnapshot::type)
                .doesNotContain(JournalRecordType.RAW_EVENT, JournalRecordType.RESPONSE_SHOWN);
            assertThat(RecordSnapshot.readSegment(dir, segments[1])).extracting(RecordSnapshot::type).contains(JournalRecordType.RAW_EVENT);
        }
    }

    @Test
    void shouldDeleteTheOldestWhenTheCompactedSegmentsAloneExceedTheSizeButNeverTheOneBeingWritten() throws Exception
    {
        try (Journal journal = open())
        {
            writeEveryTypeDaily(journal);
            final long active = journal.activeSegmentIndex();
            final long[] segments = SegmentFiles.list(dir);

            upkeep(journal, 365 * DAY_MS, 2 * SEGMENT_BYTES).runPass();

            final long[] left = SegmentFiles.list(dir);
            assertThat(totalBytes()).isLessThanOrEqualTo(2 * SEGMENT_BYTES);
            assertThat(left).contains(active);
            assertThat(left[left.length - 1] - left[0]).as("no gap: the oldest went").isEqualTo(left.length - 1);
            assertThat(metrics.value("pulse_journal_retention_compacted_segments_total")).isPositive();
            assertThat(metrics.value("pulse_journal_retention_deleted_segments_total")).isEqualTo(segments.length - left.length).isPositive();
        }
    }

    @Test
    void shouldNameTheModesAndRefuseNone()
    {
        assertThat(RetentionMode.parse("compact")).isEqualTo(RetentionMode.COMPACT);
        assertThat(RetentionMode.parse(" Delete ")).isEqualTo(RetentionMode.DELETE);
        assertThat(RetentionMode.parse("archive")).isNull();
        assertThat(JournalUpkeepConfiguration.defaults().retentionMode()).isEqualTo(RetentionMode.DELETE);
        assertThatThrownBy(() -> new JournalUpkeepConfiguration(DAY_MS, 0, 0, 1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private long totalBytes() throws Exception
    {
        long total = 0;
        for (final long index : SegmentFiles.list(dir))
        {
            total += Files.size(SegmentFiles.path(dir, index));
        }
        return total;
    }
}
