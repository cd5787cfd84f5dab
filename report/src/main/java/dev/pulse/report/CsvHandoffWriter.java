package dev.pulse.report;

import java.io.IOException;
import java.util.List;

/**
 * The CSV report's hand-off rows: section {@code handoff}, the response in {@code response}, the
 * channel in {@code choice}, {@code available} or {@code unavailable} in {@code key}; {@code offered},
 * the triggers, the lift with its interval and the relative lift (with enough data) and the arms in {@code group}
 * ({@code treated}, {@code control}) as the breakdowns have them.
 */
final class CsvHandoffWriter
{
    private CsvHandoffWriter()
    {
    }

    static void handoffs(final CsvTable csv, final List<HandoffFigures> handoffs) throws IOException
    {
        for (final HandoffFigures handoff : handoffs)
        {
            final CsvTable.Row row = CsvTable.Row.of("handoff").answer(handoff.channel(), handoff.response()).key(handoff.availability());
            csv.count(row, "offered", handoff.offered());
            csv.text(row, "triggers", String.join(" ", handoff.triggers()));
            CsvBreakdownWriter.lift(csv, row, handoff.lift());
        }
    }
}
