package dev.pulse.report;

import java.util.Map;

/**
 * One trigger's figures.
 *
 * @param trigger   the trigger's id.
 * @param detector  the detector behind it ("" if no signal named it in the range).
 * @param verdicts  signals by final verdict name, in the governor's order; "deferred" counts only
 *                  deferred signals that got no final verdict in the range.
 * @param shown     questions shown (QUESTION_SHOWN records).
 * @param holdout   signals held out ("would have asked").
 * @param shadow    signals in shadow mode.
 * @param answered  shown questions answered.
 * @param dismissed shown questions dismissed.
 * @param windows   closed outcome windows by group and outcome.
 * @param lift      forward rate of shown minus holdout windows.
 */
public record TriggerFigures(String trigger, String detector, Map<String, Long> verdicts, long shown, long holdout, long shadow,
    long answered, long dismissed, GroupWindows windows, Lift lift)
{
    /** Signals: distinct stuck moments, a deferred-then-decided one counted once. */
    public long signals()
    {
        long signals = 0;
        for (final long count : verdicts.values())
        {
            signals += count;
        }
        return signals;
    }
}
