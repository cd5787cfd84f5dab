package dev.pulse.report;

import java.io.IOException;
import java.util.List;

/**
 * The CSV report's "Did this help?" rows: section {@code helpfulness} per response (yes, no, the yes
 * rate with its interval, flagged 0 or 1, the forward rate beside it) and {@code helpfulness_answer}
 * per question and choice that led to it.
 */
final class CsvHelpfulnessWriter
{
    private CsvHelpfulnessWriter()
    {
    }

    static void write(final CsvTable csv, final List<Helpfulness> responses) throws IOException
    {
        for (final Helpfulness response : responses)
        {
            final CsvTable.Row row = CsvTable.Row.of("helpfulness").answer("", response.response()).key("exploratory");
            counts(csv, row, response.helpful(), response.unhelpful());
            csv.count(row, "flagged", response.flagged() ? 1 : 0);
            CsvReportWriter.forwardRate(csv, row, response.forward());
            for (final Helpfulness.Answer answer : response.answers())
            {
                final CsvTable.Row answerRow = CsvTable.Row.of("helpfulness_answer").question(answer.question())
                    .answer(answer.choice(), response.response()).key("exploratory");
                counts(csv, answerRow, answer.helpful(), answer.unhelpful());
                CsvReportWriter.forwardRate(csv, answerRow, answer.forward());
            }
        }
    }

    private static void counts(final CsvTable csv, final CsvTable.Row row, final Proportion helpful, final Proportion unhelpful)
        throws IOException
    {
        csv.count(row, "yes", helpful.successes());
        csv.count(row, "no", unhelpful.successes());
        csv.proportion(row, "yes_rate", helpful.rate(), helpful.interval());
    }
}
