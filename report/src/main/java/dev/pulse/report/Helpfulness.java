package dev.pulse.report;

import java.util.List;

/**
 * "Did this help?" on one response: the people who answered it, yes out of all answers, beside the
 * forward rate of the shown windows that closed with an answer routed to it; and the same per answer
 * (question and choice) that led to it. Exploratory, like the answers' forward rates: people choose
 * whether to rate, and what they say is not forward movement.
 *
 * @param response the response's id.
 * @param helpful  yes answers out of yes and no answers (its Wilson interval is the yes rate's).
 * @param forward  shown windows closed with an answer routed to this response that moved forward.
 * @param flagged  the "no" rate is high: {@link ReportMethod#MIN_FEEDBACK_ANSWERS} answers or more, and the
 *                 95% Wilson interval of the no rate lies wholly above one half ({@link #flags}).
 * @param answers  per question and choice routed to it, in that order.
 */
public record Helpfulness(String response, Proportion helpful, Proportion forward, boolean flagged, List<Answer> answers)
{
    /** The no answers out of all answers: the complement of {@link #helpful()}. */
    public Proportion unhelpful()
    {
        return complement(helpful);
    }

    /**
     * The flag's rule: at least {@link ReportMethod#MIN_FEEDBACK_ANSWERS} answers and the low end of the
     * no rate's 95% Wilson interval above 0.5, so more than half of the people who would answer say it
     * did not help (a one-sided test at 2.5%, per response; not adjusted for the number of responses).
     */
    static boolean flags(final Proportion helpful)
    {
        final Interval no = complement(helpful).interval();
        return helpful.trials() >= ReportMethod.MIN_FEEDBACK_ANSWERS && no != null && no.low() > 0.5;
    }

    private static Proportion complement(final Proportion helpful)
    {
        return new Proportion(helpful.trials() - helpful.successes(), helpful.trials());
    }

    /** One answer (a choice of a question) that led to the response. */
    public record Answer(String question, String choice, Proportion helpful, Proportion forward)
    {
        public Proportion unhelpful()
        {
            return complement(helpful);
        }
    }
}
