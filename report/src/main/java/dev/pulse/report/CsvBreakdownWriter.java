package dev.pulse.report;

import java.io.IOException;
import java.util.List;

/**
 * The CSV report's breakdown rows: section {@code breakdown:<name>} ({@code breakdown:day},
 * {@code breakdown:context:device}, {@code breakdown:page_kind}, {@code breakdown:catalog_version}),
 * the cell's value in {@code key}, the arm in {@code group}. Each breakdown first says it is
 * exploratory; its cells carry no p-value and no call.
 */
final class CsvBreakdownWriter
{
    private CsvBreakdownWriter()
    {
    }

    static void write(final CsvTable csv, final List<Breakdown> breakdowns) throws IOException
    {
        for (final Breakdown breakdown : breakdowns)
        {
            final CsvTable.Row row = CsvTable.Row.of("breakdown:" + breakdown.name());
            csv.text(row, "exploratory", "true");
            for (final Breakdown.Cell cell : breakdown.cells())
            {
                cell(csv, row.key(cell.value()), cell);
            }
        }
    }

    private static void cell(final CsvTable csv, final CsvTable.Row row, final Breakdown.Cell cell) throws IOException
    {
        csv.text(row, "label", cell.label());
        csv.count(row, "units_still_open", cell.unitsOpen());
        lift(csv, row, cell.lift());
    }

    /** An exploratory lift (no p-value, no call): status, kind, the lift and relative lift with enough data, then the arms in {@code group}. */
    static void lift(final CsvTable csv, final CsvTable.Row row, final Lift lift) throws IOException
    {
        csv.text(row, "lift_status", lift.enoughData() ? "ok" : "not_enough_data");
        csv.text(row, "lift_kind", lift.kind().wireName());
        if (lift.enoughData())
        {
            csv.proportion(row, "lift", lift.difference(), lift.interval());
            if (!Double.isNaN(lift.relative()))
            {
                csv.proportion(row, "relative_lift", lift.relative(), null);
            }
        }
        CsvReportWriter.units(csv, row, lift.shown(), lift.holdout());
        csv.proportion(row.group("treated"), "forward_rate", lift.shown().rate(), lift.shown().interval());
        csv.proportion(row.group("control"), "forward_rate", lift.holdout().rate(), lift.holdout().interval());
    }
}
