package dev.pulse.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

/**
 * Numbers the cells windows fall in (outcome, group, trigger, question, variant, answer, intent, hand-off), so a
 * window waiting to be known complete keeps an int rather than its strings. The cells are the ones
 * {@link WindowTally} counts windows by anyway, so this holds no more than its tallies: as many as
 * the catalogs' triggers, questions, variants and answers make. Not thread-safe.
 */
final class WindowCells
{
    private final Map<Cell, Integer> numberByCell = new HashMap<>();
    private final List<Cell> cellByNumber = new ArrayList<>();

    /** The number of the window's cell, numbering it on first sight. */
    int number(final ClosedWindow window)
    {
        final Cell cell = new Cell(window.kind(), window.group(), window.trigger(), window.question(), window.variant(), window.choice(),
            window.response(), window.intent(), window.handoff());
        final Integer number = numberByCell.get(cell);
        if (number != null)
        {
            return number;
        }
        cellByNumber.add(cell);
        numberByCell.put(cell, cellByNumber.size() - 1);
        return cellByNumber.size() - 1;
    }

    /** The window again, from its numbers and its cell. */
    ClosedWindow window(final int cellNumber, final long openingMs, final long durationMs, final int stratum, final long visitor)
    {
        final Cell cell = cellByNumber.get(cellNumber);
        return new ClosedWindow(openingMs, durationMs, stratum, visitor, cell.kind(), cell.group(), cell.trigger(), cell.question(),
            cell.variant(), cell.choice(), cell.response(), cell.intent(), cell.handoff());
    }

    /** What a window is counted by, besides its numbers. */
    private record Cell(OutcomeKind kind, OutcomeGroup group, String trigger, String question, String variant, String choice,
        String response, int intent, int handoff)
    {
    }
}
