package dev.pulse.report;

/** How the closed outcome windows of one group ended: forward, exited or stalled. */
public record WindowCounts(long forward, long exited, long stalled)
{
    public static final WindowCounts NONE = new WindowCounts(0, 0, 0);

    /** Every closed window: the denominator of the forward rate. */
    public long closed()
    {
        return forward + exited + stalled;
    }

    /** Forward windows out of closed windows. */
    public Proportion forwardRate()
    {
        return new Proportion(forward, closed());
    }
}
