package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.pulse.journal.JournalRecordFlyweight;

/**
 * FEEDBACK records of the range ("Did this help?": code 1 yes, 0 no), counted per response and,
 * within it, per question and choice; then set beside the forward rates of the answers
 * ({@link QuestionFigures#answerOutcomes()}). Memory: one entry per (response, question, choice) rated.
 * Not thread-safe.
 */
final class FeedbackTally
{
    /** response -> "question\0choice" -> {yes, no}; sorted, so the report's order is stable. */
    private final Map<String, Map<String, long[]>> byResponse = new TreeMap<>();

    void onFeedback(final JournalRecordFlyweight record)
    {
        final String key = record.string("question") + '\0' + record.string("choice");
        final long[] counts = byResponse.computeIfAbsent(record.string("response"), id -> new TreeMap<>())
            .computeIfAbsent(key, id -> new long[2]);
        counts[record.code() == 1 ? 0 : 1]++;
    }

    /** Every response rated in the range, by id, its answers beside the forward rates of {@code questions}. */
    List<Helpfulness> helpfulness(final List<QuestionFigures> questions)
    {
        final List<Helpfulness> figures = new ArrayList<>(byResponse.size());
        for (final Map.Entry<String, Map<String, long[]>> response : byResponse.entrySet())
        {
            long yes = 0;
            long all = 0;
            final List<Helpfulness.Answer> answers = new ArrayList<>();
            for (final Map.Entry<String, long[]> answer : response.getValue().entrySet())
            {
                final String[] parts = answer.getKey().split("\0", 2);
                final long[] counts = answer.getValue();
                yes += counts[0];
                all += counts[0] + counts[1];
                answers.add(new Helpfulness.Answer(parts[0], parts[1], new Proportion(counts[0], counts[0] + counts[1]),
                    forward(questions, parts[0], parts[1], null)));
            }
            final Proportion helpful = new Proportion(yes, all);
            figures.add(new Helpfulness(response.getKey(), helpful, forward(questions, null, null, response.getKey()),
                Helpfulness.flags(helpful), List.copyOf(answers)));
        }
        return List.copyOf(figures);
    }

    /** Forward windows out of closed ones over the answer outcomes that match (null matches anything), across triggers. */
    private static Proportion forward(final List<QuestionFigures> questions, final String question, final String choice,
        final String response)
    {
        long forward = 0;
        long closed = 0;
        for (final QuestionFigures figures : questions)
        {
            if (question != null && !figures.question().equals(question))
            {
                continue;
            }
            for (final QuestionFigures.AnswerOutcome outcome : figures.answerOutcomes())
            {
                if (outcome.answered() && (choice == null || outcome.choice().equals(choice)) &&
                    (response == null || outcome.response().equals(response)))
                {
                    forward += outcome.forward().successes();
                    closed += outcome.forward().trials();
                }
            }
        }
        return new Proportion(forward, closed);
    }
}
