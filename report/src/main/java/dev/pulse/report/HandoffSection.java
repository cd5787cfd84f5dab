package dev.pulse.report;

/**
 * "Hand-offs to people": per hand-off response, while someone was available or not, by channel: the
 * offers, and the complete shown windows that offered it against the holdout windows of the same
 * triggers (forward / windows, rates and lift with the interval of the report's range).
 */
final class HandoffSection
{
    private HandoffSection()
    {
    }

    static void write(final Html html, final Report report)
    {
        html.raw("<section aria-labelledby=\"handoffs\">\n<h2 id=\"handoffs\">Hand-offs to people</h2>\n");
        if (report.handoffs().isEmpty())
        {
            html.element("p", "note", "No hand-off was offered in this period.");
            html.raw("</section>\n");
            return;
        }
        html.element("p", "note", "Exploratory: whether someone was available follows the office hours, so available and "
            + "unavailable offers reach different hours' visitors. Treated: shown windows that offered the hand-off; control: "
            + "the holdout windows of the same trigger and catalog version. Not in the family the trigger calls are adjusted for.");
        html.raw("<div class=\"table-wrap\">\n").table("Exploratory: hand-offs by response, availability and channel (forward / "
            + "windows per arm, rates with 95% intervals in %, lift in percentage points)", 4, "Response", "Availability", "Channel",
            "Triggers", "Offered", "Treated", "Treated rate", "Control", "Control rate", "Lift");
        for (final HandoffFigures handoff : report.handoffs())
        {
            final Lift lift = handoff.lift();
            html.raw("<tr><th scope=\"row\">").text(handoff.response()).raw("</th>");
            for (final String text : new String[] {handoff.availability(), handoff.channel(), String.join(", ", handoff.triggers())})
            {
                html.raw("<td class=\"text\">").text(text).raw("</td>");
            }
            for (final String cell : new String[] {Figures.count(handoff.offered()), Figures.fraction(lift.shown()),
                Figures.rate(lift.shown()), Figures.fraction(lift.holdout()), Figures.rate(lift.holdout()), lift(lift)})
            {
                html.raw("<td>").text(cell).raw("</td>");
            }
            html.raw("</tr>\n");
        }
        html.endTable().raw("</div>\n");
        html.raw("</section>\n");
    }

    private static String lift(final Lift lift)
    {
        return lift.enoughData() ? Figures.lift(lift.difference()) + " " + Figures.liftInterval(lift.interval()) : "not enough data";
    }
}
