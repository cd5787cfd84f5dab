package dev.pulse.report;

import dev.pulse.journal.JournalRecordFlyweight;

/** Small readings of journal records shared by the tallies. */
final class Records
{
    /** A folded session that no session folds to: the primitive maps' "missing". */
    static final long NO_SESSION = 0;

    private Records()
    {
    }

    /** The named string, or "" when the record does not carry it. */
    static String text(final JournalRecordFlyweight record, final String field)
    {
        final String value = record.string(field);
        return value == null ? "" : value;
    }

    /**
     * The 128-bit session id folded to 64 bits (a collision among a report's sessions is vanishingly rare). The session
     * folding to {@link #NO_SESSION} (the all-zero id) becomes Long.MIN_VALUE: as unlikely as any random fold, where 1
     * (as once) was the next small test id's own fold, making sessions 0 and 1 one.
     */
    static long session(final JournalRecordFlyweight record)
    {
        final long folded = record.sidHi() * 0x9E37_79B9_7F4A_7C15L ^ record.sidLo();
        return folded == NO_SESSION ? Long.MIN_VALUE : folded;
    }

    /**
     * One key for a part of a session (an intervention id, a trigger's number): mixed, so that a primitive map keyed by
     * it spreads, and as unlikely to collide as two sessions' folds.
     */
    static long key(final long session, final int part)
    {
        final long mixed = (session ^ (part * 0xC2B2_AE3D_27D4_EB4FL)) * 0x9E37_79B9_7F4A_7C15L;
        return mixed ^ (mixed >>> 29);
    }
}
