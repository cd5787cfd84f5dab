package dev.pulse.report;

/** How many sessions saw 0, 1, 2, and 3 or more questions: the burden Pulse puts on people. */
public record Exposure(long zero, long one, long two, long threeOrMore)
{
    public long sessions()
    {
        return zero + one + two + threeOrMore;
    }

    /** The counts in order 0, 1, 2, 3+. */
    public long[] counts()
    {
        return new long[] {zero, one, two, threeOrMore};
    }
}
