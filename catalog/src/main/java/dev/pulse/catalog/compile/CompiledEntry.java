package dev.pulse.catalog.compile;

import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * What a served question and a served response share: the id the catalog gives it, the stable
 * 32-bit key sessions and the journal remember it by (it survives reloads, unlike the index), its
 * index in this catalog version, and the context segments that pick its copy for a session.
 * Immutable.
 */
public abstract class CompiledEntry
{
    private final String id;
    private final int key;
    private final int index;
    private final SegmentCondition[] segments;

    CompiledEntry(final String id, final int index, final SegmentCondition[] segments)
    {
        this.id = id;
        this.key = Hash64.key32(id);
        this.index = index;
        this.segments = segments;
    }

    public final String id()
    {
        return id;
    }

    /** The stable 32-bit key sessions remember this entry by: {@link Hash64#key32} of its id. */
    public final int key()
    {
        return key;
    }

    /** Its position in this catalog version (questions and responses are numbered apart). */
    public final int index()
    {
        return index;
    }

    /** The first segment whose {@code when} the session matches at {@code nowMs} (the session clock), or -1. Allocation-free. */
    public final int segmentFor(final SessionStateFlyweight state, final long nowMs)
    {
        return SegmentCondition.firstMatch(segments, state, nowMs);
    }

    @Override
    public String toString()
    {
        return getClass().getSimpleName() + '{' + id + '}';
    }
}
