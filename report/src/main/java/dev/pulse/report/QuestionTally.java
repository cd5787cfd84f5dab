package dev.pulse.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Questions shown and what became of them, per (trigger, question) and per trigger: the answer split.
 * Fed by {@link SessionTally}, which matches each answer or dismiss to the question shown.
 * Not thread-safe.
 */
final class QuestionTally
{
    private final Map<AskedQuestion, Question> questions = new HashMap<>();
    private final Map<String, long[]> byTrigger = new HashMap<>();

    private static final int SHOWN = 0;
    private static final int ANSWERED = 1;
    private static final int DISMISSED = 2;

    void shown(final String trigger, final String question)
    {
        final Question tally = question(trigger, question);
        tally.shown++;
        trigger(trigger)[SHOWN]++;
    }

    /** Takes back a {@link #shown} whose question was withdrawn before the person saw it. */
    void unseen(final String trigger, final String question)
    {
        question(trigger, question).shown--;
        trigger(trigger)[SHOWN]--;
    }

    void answered(final String trigger, final String question, final String choice)
    {
        question(trigger, question).choices.merge(choice, 1L, Long::sum);
        trigger(trigger)[ANSWERED]++;
    }

    void dismissed(final String trigger, final String question)
    {
        question(trigger, question).dismissed++;
        trigger(trigger)[DISMISSED]++;
    }

    Set<AskedQuestion> questions()
    {
        return questions.keySet();
    }

    Set<String> triggers()
    {
        return byTrigger.keySet();
    }

    long shownByTrigger(final String trigger)
    {
        return byTrigger.getOrDefault(trigger, new long[3])[SHOWN];
    }

    long answeredByTrigger(final String trigger)
    {
        return byTrigger.getOrDefault(trigger, new long[3])[ANSWERED];
    }

    long dismissedByTrigger(final String trigger)
    {
        return byTrigger.getOrDefault(trigger, new long[3])[DISMISSED];
    }

    long shown(final AskedQuestion question)
    {
        final Question tally = questions.get(question);
        return tally == null ? 0 : tally.shown;
    }

    long dismissed(final AskedQuestion question)
    {
        final Question tally = questions.get(question);
        return tally == null ? 0 : tally.dismissed;
    }


    /** Answers by choice, most chosen first (ties by id). */
    List<QuestionFigures.ChoiceCount> choices(final AskedQuestion question)
    {
        final Question tally = questions.get(question);
        if (tally == null)
        {
            return List.of();
        }
        final List<QuestionFigures.ChoiceCount> choices = new ArrayList<>();
        tally.choices.forEach((choice, count) -> choices.add(new QuestionFigures.ChoiceCount(choice, count)));
        choices.sort(Comparator.comparingLong(QuestionFigures.ChoiceCount::count).reversed()
            .thenComparing(QuestionFigures.ChoiceCount::choice));
        return List.copyOf(choices);
    }

    private Question question(final String trigger, final String question)
    {
        return questions.computeIfAbsent(new AskedQuestion(trigger, question), id -> new Question());
    }

    private long[] trigger(final String trigger)
    {
        return byTrigger.computeIfAbsent(trigger, id -> new long[3]);
    }

    /** One question's counts. */
    private static final class Question
    {
        final Map<String, Long> choices = new HashMap<>();
        long shown;
        long dismissed;
    }
}
