package dev.pulse.catalog.compile;

import java.util.List;

import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;

/** An approved response ready to serve, with its copy per context segment. Immutable. */
public final class CompiledResponse
{
    private final String id;
    private final int key;
    private final int index;
    private final String approvedBy;
    private final String approvedAt;
    private final SegmentCondition[] segments;
    /** Segment slot 0 is "no segment". */
    private final ResponseCopy[] copies;

    CompiledResponse(
        final String id,
        final int index,
        final String approvedBy,
        final String approvedAt,
        final SegmentCondition[] segments,
        final ResponseCopy[] copies)
    {
        this.id = id;
        this.key = Hash64.key32(id);
        this.index = index;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.segments = segments;
        this.copies = copies;
    }

    public String id()
    {
        return id;
    }

    public int key()
    {
        return key;
    }

    public int index()
    {
        return index;
    }

    public String approvedBy()
    {
        return approvedBy;
    }

    public String approvedAt()
    {
        return approvedAt;
    }

    /** The first context segment the session matches, or -1. */
    public int segmentFor(final SessionStateFlyweight state)
    {
        return SegmentCondition.firstMatch(segments, state);
    }

    /** The copy for a segment (-1 for none). */
    public ResponseCopy copy(final int segment)
    {
        return copies[segment + 1];
    }

    public List<ResponseCopy> allCopies()
    {
        return List.of(copies);
    }

    @Override
    public String toString()
    {
        return "CompiledResponse{" + id + '}';
    }
}
