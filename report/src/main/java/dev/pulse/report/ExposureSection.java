package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;


/** "Exposure": how many sessions saw 0, 1, 2, or 3 and more questions (chart and table). */
final class ExposureSection
{
    private static final String[] LABELS = {"0 questions", "1 question", "2 questions", "3 or more"};

    private ExposureSection()
    {
    }

    static void write(final Html html, final Exposure exposure)
    {
        html.raw("<section aria-labelledby=\"exposure\">\n<h2 id=\"exposure\">Exposure</h2>\n");
        html.element("p", "note", "Questions shown per session: how often Pulse interrupts people.");
        final long[] counts = exposure.counts();
        final List<ColumnChart.Column> columns = new ArrayList<>();
        for (int i = 0; i < counts.length; i++)
        {
            final String share = Figures.percent(new Proportion(counts[i], exposure.sessions()).rate());
            columns.add(new ColumnChart.Column(LABELS[i], new double[] {counts[i]},
                new String[] {Figures.count(counts[i]) + " (" + share + ")"}));
        }
        html.raw("<figure>\n");
        ColumnChart.draw(html.builder(), "chart-exposure", "Sessions by number of questions seen",
            "How many sessions were shown no question, one, two, or three or more questions.",
            List.of(new ColumnChart.Series("sessions", Svg.SHOWN)), columns, value -> Figures.count(Math.round(value)));
        html.raw("</figure>\n");
        html.table("Sessions by number of questions seen", 1, "Questions seen", "Sessions", "Share of sessions");
        for (int i = 0; i < counts.length; i++)
        {
            html.row(LABELS[i], Figures.count(counts[i]), Figures.percent(new Proportion(counts[i], exposure.sessions()).rate()));
        }
        html.row("all", Figures.count(exposure.sessions()), Figures.percent(exposure.sessions() == 0 ? Double.NaN : 1.0));
        html.endTable();
        html.raw("</section>\n");
    }
}
