package dev.pulse.server.replay;

import java.util.function.LongSupplier;

import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.decide.DecisionRecord;
import dev.pulse.server.decide.InterventionLog;

/**
 * A replay's record of decisions: a tally, always accepting (a replay never runs short of journal).
 * Decisions carry the wall time of the raw event being replayed, as the live records do.
 */
final class TallyLog implements InterventionLog
{
    private final TriggerTally tally;
    private final LongSupplier recordWallMs;

    TallyLog(final TriggerTally tally, final LongSupplier recordWallMs)
    {
        this.tally = tally;
        this.recordWallMs = recordWallMs;
    }

    @Override
    public boolean accepting()
    {
        return true;
    }

    @Override
    public boolean record(final DecisionRecord decision)
    {
        if (decision.type() == JournalRecordType.SIGNAL)
        {
            tally.record(decision.triggerId(), decision.verdict(), decision.sidHi(), decision.sidLo(), recordWallMs.getAsLong());
        }
        return true;
    }

    /** A hand-off's office hours are judged at the replayed event's wall time, as they were live. */
    @Override
    public long calendarMs(final long timeMs)
    {
        return recordWallMs.getAsLong();
    }
}
