package dev.pulse.report;

import java.io.IOException;
/**
 * The CSV report's search rows: section {@code searches} (metrics {@code days_captured},
 * {@code days_with_records}) and {@code search_intent} per intent in {@code key} ({@code searches},
 * {@code sessions}, {@code failed}, {@code failed_share} with its interval, {@code questions_asked},
 * {@code closed_windows}, {@code forward}, {@code forward_rate}).
 */
final class CsvSearchWriter
{
    private CsvSearchWriter()
    {
    }

    static void searches(final CsvTable csv, final Searches searches) throws IOException
    {
        final CsvTable.Row row = CsvTable.Row.of("searches").key("exploratory");
        csv.count(row, "days_captured", searches.daysCaptured());
        csv.count(row, "days_with_records", searches.daysSpanned());
        for (final Searches.Intent intent : searches.intents())
        {
            final CsvTable.Row intentRow = CsvTable.Row.of("search_intent").key(intent.intent());
            csv.count(intentRow, "searches", intent.searches());
            csv.count(intentRow, "sessions", intent.sessions());
            csv.count(intentRow, "failed", intent.failed().successes());
            csv.proportion(intentRow, "failed_share", intent.failed().rate(), intent.failed().interval());
            csv.count(intentRow, "questions_asked", intent.asked());
            CsvReportWriter.forwardRate(csv, intentRow, intent.forward());
        }
    }
}
