package dev.pulse.journal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.BufferUtil;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import dev.pulse.bench.HotPathBenchmark;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.server.metrics.Metrics;

/**
 * The hand-off of one journal record from an event loop: {@link JournalProxy} measures it, claims
 * it in the shared many-to-one ring buffer, writes its fields in place and commits. Records: a
 * {@code signal} (the common one), a {@code signal} of a failed search (its query HMAC-hashed, as
 * the server does by default), a {@code session_start} with three context pairs. Goal: 0 B/op.
 *
 * <p>The same thread drains the ring every {@value #DRAIN_EVERY} records, discarding them (the disk
 * is {@code JournalWriterBenchmark}'s), so the time includes a few ns per record of draining. A
 * busy consumer thread would be the other choice, but on a small shared machine it gets
 * descheduled, the ring fills and the refusal path is measured instead; the server's journal
 * thread, at the rates it sees, is mostly parked anyway.
 */
public class JournalHandOffBenchmark extends HotPathBenchmark
{
    private static final int RING_BYTES = 1 << 20;
    private static final int DRAIN_EVERY = 256;
    private static final MessageHandler DISCARD = (msgTypeId, buffer, index, length) -> { };
    private static final byte[] KEY = new byte[JournalConfiguration.SEARCH_HASH_KEY_LENGTH];

    @Param({"signal", "signal_search", "session_start"})
    public String record;

    private final RingBuffer ring = new ManyToOneRingBuffer(new UnsafeBuffer(
        BufferUtil.allocateDirectAligned(RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH, 128)));
    private final Metrics metrics = new Metrics();
    private final JournalProxy proxy = new JournalProxy(ring, metrics, new AtomicBoolean(), new SearchTextHasher(KEY));
    private final CharSequence[] context = {"device", "mobile", "tier", "pro", "locale", "en-GB"};
    private final StringBuilder query = new StringBuilder("brass reading lamp");
    private long timeMs = 1_700_000_000_000L;
    private int kind;
    private long offered;
    private long refused;

    @Setup(Level.Trial)
    public void setUp()
    {
        kind = switch (record)
        {
            case "signal" -> 0;
            case "signal_search" -> 1;
            case "session_start" -> 2;
            default -> throw new IllegalArgumentException("unknown record " + record);
        };
    }

    @Setup(Level.Iteration)
    public void resetCounts()
    {
        offered = 0;
        refused = 0;
    }

    /** A refused record (ring full) would measure the refusal path: say so in the fork's output. */
    @TearDown(Level.Iteration)
    public void reportRefusals()
    {
        if (refused > 0)
        {
            System.out.println("journal ring full: " + refused + " of " + offered + " records refused");
        }
    }

    @Benchmark
    public boolean handOff()
    {
        final long now = ++timeMs;
        offered++;
        final boolean ok = switch (kind)
        {
            case 0 -> signal(now, "pricing-faq-loop", DetectorKind.BACK_AND_FORTH, Verdict.SHOWN, 3, "hard-to-decide")
                .commit();
            case 1 -> signal(now, "search-dead-ends", DetectorKind.FAILED_SEARCH, Verdict.SUPPRESSED_COOLDOWN, 0, "cant-find")
                .searchText(query).commit();
            default -> proxy.sessionStart(now, 0x1234_5678L, now, 42, false, 0x5EED_F00DL, "demo", context, context.length);
        };
        if (!ok)
        {
            refused++;
        }
        if (offered % DRAIN_EVERY == 0)
        {
            ring.read(DISCARD, Integer.MAX_VALUE);
        }
        return ok;
    }

    /** A signal record as the session machine writes it, strings but the search query in. */
    private JournalRecordEncoder signal(final long now, final String trigger, final DetectorKind detector, final Verdict verdict,
        final int iid, final String question)
    {
        return proxy.record(JournalRecordType.SIGNAL).timeMs(now).sid(0x1234_5678L, now).catalogVersion(42).value(detector.ordinal())
            .iid(iid).code(verdict.ordinal()).string(trigger).string(detector.catalogName()).string(verdict.reason()).string(question);
    }
}
