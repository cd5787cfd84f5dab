package dev.pulse.journal;

/**
 * A place in a journal: a segment's index and a byte offset in it, at a frame boundary. A record's
 * position names it for good on one node (segments are never renumbered, and a segment is rewritten
 * only once every reader holding it has passed it: see {@link SegmentHolds}), so a node's id with
 * the position of a record is the record's id downstream.
 */
public record TailPosition(long segment, long offset) implements Comparable<TailPosition>
{
    /** Before the first record of any journal: a tail from here reads everything still on disk. */
    public static final TailPosition START = new TailPosition(0, 0);

    public TailPosition
    {
        if (segment < 0 || offset < 0)
        {
            throw new IllegalArgumentException("a journal position is not negative: segment " + segment + ", offset " + offset);
        }
    }

    @Override
    public int compareTo(final TailPosition other)
    {
        final int bySegment = Long.compare(segment, other.segment);
        return bySegment != 0 ? bySegment : Long.compare(offset, other.offset);
    }

    @Override
    public String toString()
    {
        return segment + ":" + offset;
    }
}
