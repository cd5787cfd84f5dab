package dev.pulse.report;

import java.io.IOException;
import java.io.Writer;


/**
 * The report as one self-contained HTML page for the product team: no script, no external file,
 * font or network request; charts are inline SVG drawn here from the figures, each followed by a
 * table of the same numbers. Sections: at a glance, lift by trigger, breakdowns (exploratory), answers and copy variants by
 * question, helpfulness ("Did this help?") by response, time to forward, exposure, totals, and a footer saying how everything was counted.
 */
final class HtmlReportWriter
{
    private HtmlReportWriter()
    {
    }

    static void write(final Report report, final Writer out) throws IOException
    {
        out.write(render(report));
        out.flush();
    }

    static String render(final Report report)
    {
        final Html html = new Html(new StringBuilder(64 * 1024));
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .raw("<title>").text("Pulse outcome report: " + Figures.period(report.range())).raw("</title>\n")
            .raw("<style>\n").raw(ReportStyle.CSS).raw("</style>\n</head>\n<body>\n");
        header(html, report);
        html.raw("<main>\n");
        SummarySection.write(html, report);
        TriggerSection.write(html, report);
        BreakdownSection.write(html, report);
        QuestionSection.write(html, report);
        HelpfulnessSection.write(html, report);
        HandoffSection.write(html, report);
        SearchSection.write(html, report);
        ForwardTimeSection.write(html, report.forwardTimes());
        ExposureSection.write(html, report.exposure());
        TotalsSection.write(html, report);
        html.raw("</main>\n");
        MethodFooter.write(html);
        html.raw("</body>\n</html>\n");
        return html.builder().toString();
    }

    private static void header(final Html html, final Report report)
    {
        final Totals totals = report.totals();
        html.raw("<header class=\"page\">\n").element("h1", "Pulse outcome report")
            .element("p", "lead", "Period: " + Figures.period(report.range()) + ". "
                + (totals.records() == 0 ? "No journal records in this period."
                    : "Records from " + Figures.time(totals.firstRecordMs()) + " to " + Figures.time(totals.lastRecordMs()) + ".")
                + " Generated " + Figures.time(report.generatedAtMs()) + ".");
        final Coverage coverage = report.coverage();
        if (!coverage.complete())
        {
            html.element("p", "lead", "Days not covered: " + coverage.firstDayNotCovered() + " to " + coverage.lastDayNotCovered()
                + " (UTC). The journal's oldest remaining record is from " + Figures.time(coverage.oldestRecordMs())
                + "; what came before was deleted by journal_retention.");
        }
        html.raw("</header>\n");
    }
}
