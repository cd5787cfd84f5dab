package dev.pulse.report;

/**
 * "Did this help?": per response, the yes and no answers, the yes rate with its interval, the flag
 * for a high no rate and the forward rate beside it; then per answer (question and choice) that led
 * to the response. Tables only: the rates sit beside each other, as in the question section.
 */
final class HelpfulnessSection
{
    static final String FLAG = "mostly not helpful";

    private HelpfulnessSection()
    {
    }

    static void write(final Html html, final Report report)
    {
        html.raw("<section aria-labelledby=\"helpfulness\">\n<h2 id=\"helpfulness\">Did the responses help?</h2>\n");
        if (report.helpfulness().isEmpty())
        {
            html.element("p", "note", "No one answered \"Did this help?\" in this period.");
            html.raw("</section>\n");
            return;
        }
        html.element("p", "note", "Exploratory: people choose whether to answer. A response is flagged \"" + FLAG + "\" when at least "
            + ReportMethod.MIN_FEEDBACK_ANSWERS + " people answered and the 95% interval of its no rate lies above 50%.");
        html.table("Helpfulness by response (yes rate with 95% interval in %; forward rate of the shown windows its answers closed)", 2,
            "Response", "Flag", "Yes", "No", "Yes rate", "Forward / closed", "Forward rate");
        for (final Helpfulness response : report.helpfulness())
        {
            html.rowWithText(response.response(), response.flagged() ? FLAG : "", Figures.count(response.helpful().successes()),
                Figures.count(response.unhelpful().successes()), Figures.rate(response.helpful()), Figures.fraction(response.forward()),
                Figures.rate(response.forward()));
        }
        html.endTable();
        html.table("Helpfulness by answer (the question and choice that led to the response)", 3, "Response", "Question", "Choice",
            "Yes", "No", "Yes rate", "Forward / closed", "Forward rate");
        for (final Helpfulness response : report.helpfulness())
        {
            for (final Helpfulness.Answer answer : response.answers())
            {
                html.raw("<tr><th scope=\"row\">").text(response.response()).raw("</th><td class=\"text\">").text(answer.question())
                    .raw("</td><td class=\"text\">").text(answer.choice()).raw("</td>");
                for (final String cell : new String[] {Figures.count(answer.helpful().successes()),
                    Figures.count(answer.unhelpful().successes()), Figures.rate(answer.helpful()), Figures.fraction(answer.forward()),
                    Figures.rate(answer.forward())})
                {
                    html.raw("<td>").text(cell).raw("</td>");
                }
                html.raw("</tr>\n");
            }
        }
        html.endTable();
        html.raw("</section>\n");
    }
}
