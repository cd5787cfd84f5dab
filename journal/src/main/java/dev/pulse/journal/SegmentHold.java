package dev.pulse.journal;

import java.util.function.Consumer;

/**
 * One reader's hold on a journal's segments (see {@link SegmentHolds}): the segment it has not
 * finished with yet, and every later one, stay as they are. It only moves forward.
 */
public final class SegmentHold implements AutoCloseable
{
    private final String name;
    private final Consumer<SegmentHold> onRelease;
    private volatile long segment;

    SegmentHold(final String name, final long segment, final Consumer<SegmentHold> onRelease)
    {
        this.name = name;
        this.segment = segment;
        this.onRelease = onRelease;
    }

    public String name()
    {
        return name;
    }

    public long segment()
    {
        return segment;
    }

    /** The reader is done with every segment below {@code segment}. */
    public void advanceTo(final long segment)
    {
        if (segment > this.segment)
        {
            this.segment = segment;
        }
    }

    /** The reader stops: it holds nothing any more. */
    @Override
    public void close()
    {
        onRelease.accept(this);
    }
}
