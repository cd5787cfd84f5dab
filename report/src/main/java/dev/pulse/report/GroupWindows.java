package dev.pulse.report;

import dev.pulse.journal.OutcomeGroup;

/** Closed outcome windows of each group: shown (asked), holdout (would have asked) and shadow. */
public record GroupWindows(WindowCounts shown, WindowCounts holdout, WindowCounts shadow)
{
    public static final GroupWindows NONE = new GroupWindows(WindowCounts.NONE, WindowCounts.NONE, WindowCounts.NONE);

    public WindowCounts of(final OutcomeGroup group)
    {
        return switch (group)
        {
            case SHOWN -> shown;
            case HOLDOUT -> holdout;
            case SHADOW -> shadow;
        };
    }

    public long closed()
    {
        return shown.closed() + holdout.closed() + shadow.closed();
    }
}
