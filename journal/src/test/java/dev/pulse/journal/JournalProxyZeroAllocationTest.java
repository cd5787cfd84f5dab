package dev.pulse.journal;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.BufferUtil;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;

import dev.pulse.detect.AllocationWindows;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producers allocate nothing per record once warm: every producer method, including a signal whose
 * search text is hashed, measured with the JVM's per-thread allocation counter. The ring is drained
 * on the same thread by a no-op handler, so only the producer side is measured.
 */
class JournalProxyZeroAllocationTest
{
    private static final MessageHandler DISCARD = (msgTypeId, buffer, index, length) -> { };

    private final RingBuffer ring = new ManyToOneRingBuffer(new UnsafeBuffer(
        BufferUtil.allocateDirectAligned((1 << 20) + RingBufferDescriptor.TRAILER_LENGTH, 128)));
    private final RecordingJournalMetrics metrics = new RecordingJournalMetrics();
    private final JournalProxy hashing = new JournalProxy(ring, metrics, new AtomicBoolean(), new SearchTextHasher(JournalTesting.KEY));
    private final JournalProxy clear = new JournalProxy(ring, metrics, new AtomicBoolean(), null);
    private final CharSequence[] context = {"lang", "fr-FR", "device", new StringBuilder("mobile"), "campaign", "black-friday"};
    private final StringBuilder query = new StringBuilder("chaussures de randonnée imperméables");

    @Test
    void shouldAllocateNothingPerRecordInSteadyState()
    {
        // Warm-up: past tier-4 compilation of every producer method.
        final long records = run(300_000);

        // Windows of 100,000 records until three in a row allocate nothing (AllocationWindows: the
        // JIT may charge a window while it compiles; a per-record cost shows in every window).
        final long measured = AllocationWindows.assertAllocatesNothing("producers", this::run, 100_000);

        assertThat(measured % 100_000).as("every record of every window written").isZero();
        assertThat(records).isEqualTo(300_000);
    }

    private long run(final int count)
    {
        long written = 0;
        for (int i = 0; i < count; i++)
        {
            final long sidLo = i;
            final boolean ok = switch (i % 10)
            {
                case 0 -> hashing.sessionStart(i, 1, sidLo, 7, (i & 1) == 0, i, "shop.example", context, context.length);
                case 1 -> JournalRecords.signal(hashing, i, 1, sidLo, 7, "stuck", DetectorKind.FAILED_SEARCH, Verdict.SHOWN, i, "q-1", query);
                case 2 -> JournalRecords.signal(clear, i, 1, sidLo, 7, "stuck", DetectorKind.FAILED_SEARCH, Verdict.HOLDOUT, 0, "q-1", query);
                case 3 -> JournalRecords.signal(hashing, i, 1, sidLo, 7, "idle", DetectorKind.IDLE_ON_KEY_PAGE, Verdict.SUPPRESSED_COOLDOWN, 0, "q-2", null);
                case 4 -> JournalRecords.questionShown(hashing, i, 1, sidLo, 7, i, "stuck", "q-1", "b", null, "checkout");
                case 5 -> JournalRecords.answer(hashing, i, 1, sidLo, 7, i, "q-1", "c-2");
                case 6 -> JournalRecords.dismiss(hashing, i, 1, sidLo, 7, i, "q-1");
                case 7 -> JournalRecords.responseShown(hashing, i, 1, sidLo, 7, i, "q-1", "c-2", "r-2", "eu");
                case 8 -> hashing.catalogReload(i, true, "2026.11.3", 0x1234_5678_9abc_def0L, "catalog.yaml", 0);
                default -> hashing.sessionEnd(i, 1, sidLo, SessionEndReason.EXPIRED);
            };
            if (ok)
            {
                written++;
            }
            if ((i & 255) == 255)
            {
                ring.read(DISCARD, Integer.MAX_VALUE);
            }
        }
        ring.read(DISCARD, Integer.MAX_VALUE);
        return written;
    }

    @Test
    void shouldWriteWhatTheReaderReads(@org.junit.jupiter.api.io.TempDir final Path dir) throws Exception
    {
        // The allocation test discards records; this one checks the same calls produce readable records.
        final AgentHarness harness = new AgentHarness(dir, JournalTesting.configuration());
        assertThat(harness.proxy.sessionStart(1, 1, 2, 7, true, 3, "shop.example", context, context.length)).isTrue();
        harness.doWork();
        harness.agent.onClose();
        assertThat(RecordSnapshot.readAll(dir).get(0).strings())
            .containsExactly("shop.example", "lang", "fr-FR", "device", "mobile", "campaign", "black-friday");
    }
}
