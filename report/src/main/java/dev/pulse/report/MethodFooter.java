package dev.pulse.report;

import java.util.Map;


/** The page's footer: how the report counts, in the words of {@link ReportMethod}, so it reads without explanation. */
final class MethodFooter
{
    private MethodFooter()
    {
    }

    static void write(final Html html)
    {
        html.raw("<footer class=\"method\" aria-labelledby=\"method\">\n<h2 id=\"method\">How this report counts</h2>\n<dl>\n");
        final Map<String, String> headings = Map.ofEntries(Map.entry("window", "What counts as a window"), Map.entry("forward_rate", "Unit, forward rate and lift"), Map.entry("calls", "Calls (multiple comparisons)"), Map.entry("intervals", "Intervals"), Map.entry("minimum", "Minimum"), Map.entry("range", "Period"), Map.entry("signals", "Signals"), Map.entry("sessions", "Sessions"), Map.entry("answers", "Answers"), Map.entry("helpfulness", "Helpfulness (exploratory)"), Map.entry("searches", "Searches by intent (exploratory)"), Map.entry("handoffs", "Hand-offs (exploratory)"), Map.entry("breakdowns", "Breakdowns (exploratory)"), Map.entry("time_to_forward", "Time to forward"), Map.entry("rounding", "Rounding"));
        for (final Map.Entry<String, String> sentence : ReportMethod.sentences().entrySet())
        {
            html.raw("<dt>").text(headings.getOrDefault(sentence.getKey(), sentence.getKey())).raw("</dt><dd>")
                .text(sentence.getValue()).raw("</dd>\n");
        }
        html.raw("</dl>\n</footer>\n");
    }
}
