package dev.pulse.report;

/**
 * The entries of a pass's state that follow what is alive in the journal (all but the per-visitor
 * {@link FirstWindows}): each grows with the sessions alive or the last hour or so of traffic, never
 * with the journal's length. Tests and the memory run read it.
 *
 * @param sessions        sessions followed ({@link SessionTally}).
 * @param openQuestions   questions shown and not yet answered, dismissed or ended with their session.
 * @param sessionVisitors sessions whose visitor is known ({@link SessionVisitors}).
 * @param deferrals       deferred signals waiting for their decision ({@link SignalTally}).
 * @param withdrawals     questions withdrawn unseen waiting for their window's outcome ({@link WindowTally}).
 * @param pendingWindows  windows closed but not yet known complete ({@link PendingWindows}).
 * @param openings        openings of the last longest open time ({@link OpenWindows}).
 * @param searchLinks     sessions that searched, until they expire, and shown questions and hand-offs waiting for their
 *                        window's outcome ({@link IntentTally}, {@link HandoffTally}).
 */
record LiveState(long sessions, long openQuestions, long sessionVisitors, long deferrals, long withdrawals, long pendingWindows,
    long openings, long searchLinks)
{
    long total()
    {
        return sessions + openQuestions + sessionVisitors + deferrals + withdrawals + pendingWindows + openings + searchLinks;
    }
}
