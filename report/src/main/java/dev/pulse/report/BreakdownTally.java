package dev.pulse.report;

import java.util.List;

import org.agrona.collections.Long2LongHashMap;

import dev.pulse.journal.JournalRecordFlyweight;

/**
 * Splits the headline's units into breakdown cells ({@link Breakdown}): by the day the unit's
 * first window opened, its session's context values ({@link SessionContexts}), the page kind it
 * was stuck on (OUTCOME's {@code stuck_kind}) and its catalog version.
 *
 * <p>The unit is the headline's: each visitor's first complete window in the range, as
 * {@link FirstWindows} decides it. An OUTCOME whose window is, when it arrives, the visitor's first
 * so far becomes a candidate, with its cells read from the record and its session; it is counted
 * once a window opened before it could no longer arrive (its version's longest open time has
 * passed in the journal, the same rule that makes it complete), or at the end when it is complete
 * then, else counted as still open. So every headline unit is in exactly one cell of each
 * breakdown. Like the completeness rule, this rests on no window closing later than its version's
 * longest open time after it opened (the server's sweeper sees to it): a window recorded later
 * still, earlier-opened than a unit already counted, would be counted in the cells too. State: one
 * candidate per visitor whose first window opened in the last longest open time (~41 minutes), the
 * context of the sessions alive, and the cells. Not thread-safe.
 */
final class BreakdownTally
{
    static final int DAY = 0;
    static final int CATALOG_VERSION = 1;
    static final int PAGE_KIND = 2;
    /** Context key number k is dimension FIRST_CONTEXT + k. */
    static final int FIRST_CONTEXT = 3;
    /** Page kinds with a cell of their own (a catalog has a few; journals of many versions may name more). */
    static final int MAX_PAGE_KINDS = 62;
    /** The page kind of an outcome whose kind no catalog the server kept knew (journaled as "#" and its key). */
    static final String UNKNOWN_KIND = "(unknown)";
    private static final int PAGE_KIND_SHIFT = 8 * SessionContexts.MAX_KEYS;
    private static final long DAY_MS = 86_400_000L;

    private final ReportRange range;
    private final Strata strata;
    private final SessionVisitors visitors;
    private final FirstWindows headline;
    private final SessionContexts contexts;
    private final CellNames pageKinds = new CellNames(MAX_PAGE_KINDS);
    private final BreakdownCounts counts = new BreakdownCounts();
    private final Long2LongHashMap firstByCandidate = new Long2LongHashMap(FirstWindows.NONE);
    // Cells never have the top bit (page kinds below 64 in the top byte): -1 is free for "missing".
    private final Long2LongHashMap cellsByCandidate = new Long2LongHashMap(-1);
    private final LongQueue candidates = new LongQueue();
    private long firstRecordMs = Long.MAX_VALUE;

    /**
     * @param visitors  the aggregator's: whose window an OUTCOME is.
     * @param headline  the aggregator's headline family, already told of the record when this tally reads it.
     * @param contexts  the context keys to split by and the sessions' values.
     */
    BreakdownTally(final ReportRange range, final Strata strata, final SessionVisitors visitors, final FirstWindows headline,
        final SessionContexts contexts)
    {
        this.range = range;
        this.strata = strata;
        this.visitors = visitors;
        this.headline = headline;
        this.contexts = contexts;
    }

    /** Any record before the range's end, after the aggregator has counted it. */
    void onRecord(final JournalRecordFlyweight record)
    {
        final long timeMs = record.timestampMs();
        if (range.contains(timeMs))
        {
            firstRecordMs = Math.min(firstRecordMs, timeMs);
        }
        release(timeMs);
        switch (record.type())
        {
            case SESSION_START -> contexts.onSessionStart(record);
            case SESSION_END -> contexts.onSessionEnd(record);
            case OUTCOME -> onOutcome(record);
            default ->
            {
                // Nothing else names a unit or its cells.
            }
        }
    }

    /**
     * The breakdowns at this end of observation; call once, at the end. Observation may reach past the
     * range's end (to close windows opened in it); the days listed stop at the range's last day.
     */
    List<Breakdown> breakdowns(final long observationEndMs, final boolean live, final List<CatalogVersionSeen> versions)
    {
        firstByCandidate.forEachLong((visitor, first) -> count(first, cellsByCandidate.get(visitor), observationEndMs));
        firstByCandidate.clear();
        cellsByCandidate.clear();
        candidates.clear();
        final long firstDay = firstRecordMs == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(firstRecordMs, DAY_MS);
        return new BreakdownFigures(counts, strata, contexts, pageKinds, live)
            .all(firstDay, Math.floorDiv(Math.min(observationEndMs, range.toMs()) - 1, DAY_MS), versions);
    }

    private void onOutcome(final JournalRecordFlyweight record)
    {
        final long visitor = visitors.visitor(record);
        final long first = headline.first(visitor);
        if (first == FirstWindows.NONE || FirstWindows.openingMs(first) != record.timestampMs() - record.value())
        {
            // Not the visitor's first window (or in no rate): never a unit.
            return;
        }
        final long candidate = firstByCandidate.get(visitor);
        if (candidate != FirstWindows.NONE && FirstWindows.openingMs(candidate) <= FirstWindows.openingMs(first))
        {
            // Opened at the same moment as the candidate: the headline keeps the one it saw first, and so does this.
            return;
        }
        if (candidate == FirstWindows.NONE)
        {
            candidates.add(visitor);
        }
        firstByCandidate.put(visitor, first);
        cellsByCandidate.put(visitor, contexts.values(record) | ((long)pageKind(Records.text(record, "stuck_kind")) << PAGE_KIND_SHIFT));
    }

    private int pageKind(final String stuckKind)
    {
        return pageKinds.index(stuckKind.startsWith("#") ? UNKNOWN_KIND : stuckKind);
    }

    /** Counts the candidates no earlier window can displace any more: the record being read is past their longest open time. */
    private void release(final long nowMs)
    {
        // Kept in the order they arrived: one opened long ago may sit behind a recent one and waits for it (at most its
        // longest open time, so the queue stays as short as the window of time).
        while (!candidates.isEmpty())
        {
            final long visitor = candidates.peek();
            final long first = firstByCandidate.get(visitor);
            if (FirstWindows.openingMs(first) > strata.cutoffMs(FirstWindows.stratum(first), nowMs))
            {
                return;
            }
            candidates.poll();
            count(first, cellsByCandidate.remove(visitor), nowMs);
            firstByCandidate.remove(visitor);
        }
    }

    /** A unit in one cell of every breakdown: complete at {@code observationEndMs}, or still open. */
    private void count(final long first, final long cells, final long observationEndMs)
    {
        final int stratum = FirstWindows.stratum(first);
        final boolean complete = FirstWindows.openingMs(first) <= strata.cutoffMs(stratum, observationEndMs);
        final int dimensions = FIRST_CONTEXT + contexts.keys().size();
        for (int dimension = 0; dimension < dimensions; dimension++)
        {
            final long cell = switch (dimension)
            {
                case DAY -> Math.floorDiv(FirstWindows.openingMs(first), DAY_MS);
                case CATALOG_VERSION -> stratum;
                case PAGE_KIND -> cells >>> PAGE_KIND_SHIFT;
                default -> SessionContexts.valueIndex(cells, dimension - FIRST_CONTEXT);
            };
            if (complete)
            {
                counts.unit(dimension, cell, stratum, FirstWindows.treated(first), FirstWindows.forward(first));
            }
            else
            {
                counts.unitOpen(dimension, cell);
            }
        }
    }
}
