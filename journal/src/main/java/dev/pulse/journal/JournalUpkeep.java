package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's upkeep, on a thread of its own ({@code pulse-journal-upkeep}): retention deletes
 * sealed segments past {@code journal_retention}, or compacts them to the report's records
 * ({@link SegmentRetention}, {@link RetentionMode}), compaction rewrites
 * sealed segments without the records of erased sessions ({@link SegmentCompactor}), and the segment
 * being written is sealed when it holds such records and is older than the erasure delay
 * ({@link ErasureSealCheck}). A pass runs every {@code passIntervalMs} and soon after a
 * SESSION_ERASED record is written.
 *
 * <p>Why a thread and not the journal thread when idle: a pass reads and rewrites whole segments
 * (tens of mebibytes, seconds on a slow disk). On the journal thread records would wait in the ring
 * meanwhile, acks and held questions with them, and a full ring drops records; here the journal
 * thread never waits for the upkeep, and the event loops never see it. The two share nothing but
 * the segment files: the upkeep touches only segments below {@link Journal#activeSegmentIndex()},
 * which the journal thread never writes again, and asks for a seal through one volatile field; and
 * only below the lowest segment a reader holds ({@link Journal#holds()}), so a segment not yet
 * shipped is neither deleted nor rewritten.
 *
 * <p>Bound on erasure: an erased session's records are gone from the disk within
 * {@code erasureDelayMs + passIntervalMs} plus about a second and one pass after the erasure is
 * written (the seal waits for the segment to be {@code erasureDelayMs} old; the pass after the seal
 * compacts it).
 */
public final class JournalUpkeep implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalUpkeep.class);
    /** After a seal, the next pass compacts the sealed segment: soon, once the journal thread has rolled. */
    private static final long AFTER_SEAL_DELAY_MS = 1_000;

    private final Journal journal;
    private final Path dir;
    private final LongSupplier wallClockMs;
    private final ErasedSessions erased = new ErasedSessions();
    private final ErasureScan erasures;
    private final SegmentCompactor compactor;
    private final SegmentRetention retention;
    private final ErasureSealCheck sealCheck;
    /** Segment index -> how many erased sessions it was last checked against (the set only grows). */
    private final Map<Long, Integer> checkedAgainst = new HashMap<>();
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private final Object passLock = new Object();
    private ScheduledExecutorService executor;
    private volatile long compactedSegments;
    private volatile long removedRecords;
    private volatile long failedPasses;

    JournalUpkeep(final Journal journal, final JournalUpkeepConfiguration configuration, final LongSupplier wallClockMs,
        final CompactionProbe probe)
    {
        this.journal = journal;
        this.dir = journal.directory();
        this.wallClockMs = wallClockMs;
        this.erasures = new ErasureScan(dir, erased);
        this.compactor = new SegmentCompactor(dir, probe);
        this.retention = new SegmentRetention(dir, configuration, compactor);
        this.sealCheck = new ErasureSealCheck(dir, configuration.erasureDelayMs());
    }

    /** Starts the upkeep of {@code journal}'s directory: its thread, its metrics, a pass now and every interval, and after each erasure. */
    public static JournalUpkeep start(final Journal journal, final JournalUpkeepConfiguration configuration, final JournalMetrics metrics)
    {
        final JournalUpkeep upkeep = new JournalUpkeep(journal, configuration, System::currentTimeMillis, CompactionProbe.NONE);
        upkeep.registerMetrics(metrics);
        upkeep.executor = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "pulse-journal-upkeep");
            thread.setDaemon(true);
            return thread;
        });
        upkeep.executor.scheduleWithFixedDelay(upkeep::runPass, 0, configuration.passIntervalMs(), TimeUnit.MILLISECONDS);
        journal.onErasureWritten(upkeep::wake);
        return upkeep;
    }

    void registerMetrics(final JournalMetrics metrics)
    {
        metrics.counter("pulse_journal_retention_deleted_segments_total", "Journal segments deleted by retention.",
            retention::deletedSegments);
        metrics.counter("pulse_journal_retention_deleted_bytes_total", "Bytes of journal segments deleted by retention.",
            retention::deletedBytes);
        metrics.counter("pulse_journal_retention_compacted_segments_total",
            "Journal segments past journal_retention compacted to the report's records (journal_retention_mode: compact).",
            retention::compactedSegments);
        metrics.counter("pulse_journal_retention_compacted_bytes_total", "Bytes freed by compacting journal segments past journal_retention.",
            retention::compactedBytes);
        metrics.counter("pulse_journal_compacted_segments_total", "Journal segments rewritten without the records of erased sessions.",
            this::compactedSegments);
        metrics.counter("pulse_journal_compacted_records_total", "Records of erased sessions removed from journal segments.",
            this::removedRecords);
        metrics.counter("pulse_journal_upkeep_failures_total", "Journal upkeep passes (retention, compaction) that failed on I/O.",
            this::failedPasses);
    }

    /** Queues a pass (at most one waits): called on the journal thread after an erasure is written, so it never blocks. */
    void wake()
    {
        if (executor != null && passQueued.compareAndSet(false, true))
        {
            try
            {
                executor.execute(this::runPass);
            }
            catch (final RejectedExecutionException ex)
            {
                // Closing: no more passes.
                passQueued.set(false);
            }
        }
    }

    /** One pass: the erasure scan, retention, compaction of sealed segments, and the seal check. Nothing is thrown. */
    void runPass()
    {
        passQueued.set(false);
        synchronized (passLock)
        {
            try
            {
                final long nowMs = wallClockMs.getAsLong();
                final long active = journal.activeSegmentIndex();
                // The erasure scan first: it may stop inside a segment sealed since, and a retention compaction of that
                // segment would move the frames under its position. After it, every sealed segment was read whole.
                erasures.advance(active);
                // Below the lowest segment a reader holds too (the Kafka shipper, the webhooks): nothing unshipped goes.
                final long limit = Math.min(active, journal.holds().lowest());
                retention.apply(nowMs, limit);
                compactSealed(limit);
                if (sealCheck.shouldSeal(active, erased, nowMs))
                {
                    journal.requestSeal(active);
                    scheduleAfterSeal();
                }
            }
            catch (final IOException | RuntimeException ex)
            {
                failedPasses = failedPasses + 1;
                LOG.error("journal upkeep pass failed; the next pass tries again", ex);
            }
        }
    }

    private void compactSealed(final long limit) throws IOException
    {
        final long[] indexes = SegmentFiles.list(dir);
        checkedAgainst.keySet().removeIf(index -> index < (indexes.length == 0 ? Long.MAX_VALUE : indexes[0]));
        for (final long index : indexes)
        {
            if (index >= erasures.sealedUpTo() || index >= limit)
            {
                break;
            }
            final Integer checked = checkedAgainst.get(index);
            if (erased.size() == 0 || checked != null && checked == erased.size())
            {
                continue;
            }
            try
            {
                final long removed = compactor.compact(index, erased::removes);
                if (removed > 0)
                {
                    compactedSegments = compactedSegments + 1;
                    removedRecords = removedRecords + removed;
                    LOG.info("journal compaction: removed {} records of erased sessions from segment {}", removed, index);
                }
            }
            catch (final JournalCorruptionException ex)
            {
                LOG.error("journal compaction skipped a damaged segment", ex);
            }
            checkedAgainst.put(index, erased.size());
        }
    }

    private void scheduleAfterSeal()
    {
        if (executor != null)
        {
            try
            {
                executor.schedule(this::runPass, AFTER_SEAL_DELAY_MS, TimeUnit.MILLISECONDS);
            }
            catch (final RejectedExecutionException ex)
            {
                // Closing.
            }
        }
    }

    long compactedSegments()
    {
        return compactedSegments;
    }

    long removedRecords()
    {
        return removedRecords;
    }

    long failedPasses()
    {
        return failedPasses;
    }

    /** Stops the thread, waiting for a pass under way (a rewrite is atomic either way). Idempotent. */
    @Override
    public void close()
    {
        journal.onErasureWritten(() ->
        {
        });
        if (executor != null)
        {
            executor.shutdownNow();
            try
            {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
