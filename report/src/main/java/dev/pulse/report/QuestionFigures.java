package dev.pulse.report;

import java.util.List;

/**
 * One question's figures: how people answered it, and how often each answer and each copy
 * variant was followed by forward movement.
 *
 * @param question       the question's id.
 * @param triggers       the triggers that asked it in the range.
 * @param shown          times it was shown.
 * @param choices        answers by choice, most chosen first.
 * @param dismissed      times it was closed without an answer.
 * @param answerOutcomes forward rate of shown windows by the answer (and response) they closed
 *                       with; the one with an empty choice is "not answered" (dismissed, or no answer).
 * @param variants       forward rate of shown windows by copy variant.
 */
public record QuestionFigures(String question, List<String> triggers, long shown, List<ChoiceCount> choices, long dismissed,
    List<AnswerOutcome> answerOutcomes, List<VariantOutcome> variants)
{
    /** Shown and neither answered nor dismissed (the page changed, or the person left). */
    public long unanswered()
    {
        long answered = 0;
        for (final ChoiceCount choice : choices)
        {
            answered += choice.count();
        }
        return Math.max(0, shown - answered - dismissed);
    }

    /** {@code count} as a share of the times shown. */
    public Proportion share(final long count)
    {
        return new Proportion(Math.min(count, shown), shown);
    }

    /** Answers with one choice. */
    public record ChoiceCount(String choice, long count)
    {
    }

    /** Shown windows that closed with this answer; an empty {@code choice} means unanswered. */
    public record AnswerOutcome(String choice, String response, Proportion forward)
    {
        public boolean answered()
        {
            return !choice.isEmpty();
        }
    }

    /** Shown windows of one copy variant. */
    public record VariantOutcome(String variant, Proportion forward)
    {
    }
}
