package dev.pulse.report;

/**
 * The range at a glance.
 *
 * @param records              journal records in the range.
 * @param firstRecordMs        time of the first record in the range (0 if none).
 * @param lastRecordMs         time of the last record in the range (0 if none).
 * @param sessions             distinct sessions with a SESSION_START in the range (new or resumed).
 * @param newSessions          those of them that started new in the range.
 * @param questionsShown       questions shown.
 * @param signals              signals (stuck moments), a deferred-then-decided one counted once.
 * @param decidedAfterDeferral signals first deferred by the page grace and decided later.
 * @param undecidedDeferred    deferred signals with no final verdict in the range.
 * @param windows              closed outcome windows by group and outcome.
 * @param answersOutsideRange  answers and dismisses of questions shown before the range (not counted).
 */
public record Totals(long records, long firstRecordMs, long lastRecordMs, long sessions, long newSessions, long questionsShown,
    long signals, long decidedAfterDeferral, long undecidedDeferred, GroupWindows windows, long answersOutsideRange,
    long questionsUnseen, long windowsUnmeasured)
{
}
