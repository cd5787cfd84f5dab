package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;


/**
 * "Answers by question": for each question, how its answers split (chart and table), what
 * followed each answer (forward rate with interval), and its copy variants side by side.
 */
final class QuestionSection
{
    private static final String[] CHOICE_COLORS = {"#2563eb", "#0891b2", "#059669", "#ca8a04", "#db2777"};
    private static final String DISMISSED = "#ef4444";
    private static final String UNANSWERED = "#d1d5db";

    private QuestionSection()
    {
    }

    static void write(final Html html, final Report report)
    {
        html.raw("<section aria-labelledby=\"questions\">\n<h2 id=\"questions\">Answers by question</h2>\n");
        if (report.questions().isEmpty())
        {
            html.element("p", "note", "No question was shown in this period.");
        }
        int index = 0;
        for (final QuestionFigures question : report.questions())
        {
            question(html, question, index++);
        }
        html.raw("</section>\n");
    }

    private static void question(final Html html, final QuestionFigures question, final int index)
    {
        html.raw("<h3>").text("Question " + question.question()).raw("</h3>\n");
        html.element("p", "note", "Asked by " + (question.triggers().isEmpty() ? "no trigger in this period"
            : String.join(", ", question.triggers())) + "; shown " + Figures.count(question.shown()) + " times.");
        final List<SplitChart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < question.choices().size(); i++)
        {
            final QuestionFigures.ChoiceCount choice = question.choices().get(i);
            bars.add(new SplitChart.Bar(choice.choice(), choice.count(), CHOICE_COLORS[i % CHOICE_COLORS.length]));
        }
        bars.add(new SplitChart.Bar("(dismissed)", question.dismissed(), DISMISSED));
        bars.add(new SplitChart.Bar("(no answer)", question.unanswered(), UNANSWERED));
        if (question.shown() > 0)
        {
            html.raw("<figure>\n");
            SplitChart.draw(html.builder(), "chart-answers-" + index, "How people answered " + question.question(),
                "Share of the times the question was shown that ended in each answer, in a dismiss, or with no answer.",
                question.shown(), bars);
            html.raw("</figure>\n");
        }
        html.table("Answers to " + question.question(), 1, "Answer", "Count", "Share of shown");
        for (final SplitChart.Bar bar : bars)
        {
            html.row(bar.label(), Figures.count(bar.count()), Figures.percent(question.share(bar.count()).rate()));
        }
        html.endTable();
        answerOutcomes(html, question);
        variants(html, question, index);
    }

    private static void answerOutcomes(final Html html, final QuestionFigures question)
    {
        if (question.answerOutcomes().isEmpty())
        {
            return;
        }
        html.table("Exploratory: what followed each answer to " + question.question() + " (shown windows, not randomised; rates with 95% intervals in %)", 2,
            "Answer", "Response", "Forward / closed", "Forward rate");
        for (final QuestionFigures.AnswerOutcome outcome : question.answerOutcomes())
        {
            final Proportion forward = outcome.forward();
            // The window knows only whether an answer came, so dismissed and unanswered questions share this row.
            html.rowWithText(outcome.answered() ? outcome.choice() : CsvReportWriter.NOT_ANSWERED,
                outcome.answered() ? outcome.response() : "", Figures.fraction(forward), Figures.rate(forward));
        }
        html.endTable();
    }

    private static void variants(final Html html, final QuestionFigures question, final int index)
    {
        if (question.variants().isEmpty())
        {
            return;
        }
        // One variant has nothing to compare: its table is enough.
        if (question.variants().size() > 1)
        {
            final List<RateChart.Row> rows = new ArrayList<>();
            for (final QuestionFigures.VariantOutcome variant : question.variants())
            {
                rows.add(new RateChart.Row(variantName(variant), List.of(variant.forward())));
            }
            html.raw("<figure>\n");
            RateChart.draw(html.builder(), "chart-variants-" + index, "Forward rate by copy variant of " + question.question(),
                "For each copy variant of the question, the share of closed shown windows that moved forward, with 95% Wilson "
                    + "intervals.", List.of(new RateChart.Series("shown", Svg.SHOWN)), rows);
            html.raw("</figure>\n");
        }
        html.table("Exploratory: copy variants of " + question.question() + " (shown windows; rates with 95% intervals in %)", 1, "Variant",
            "Forward / closed", "Forward rate");
        for (final QuestionFigures.VariantOutcome variant : question.variants())
        {
            html.row(variantName(variant), Figures.fraction(variant.forward()), Figures.rate(variant.forward()));
        }
        html.endTable();
    }

    private static String variantName(final QuestionFigures.VariantOutcome variant)
    {
        return variant.variant().isEmpty() ? "(default)" : variant.variant();
    }
}
