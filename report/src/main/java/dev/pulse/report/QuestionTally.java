package dev.pulse.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Questions shown and what became of them, per question and per trigger: the answer split.
 * Fed by {@link SessionTally}, which matches each answer or dismiss to the question shown.
 * Not thread-safe.
 */
final class QuestionTally
{
    private final Map<String, Question> questions = new HashMap<>();
    private final Map<String, long[]> byTrigger = new HashMap<>();

    private static final int SHOWN = 0;
    private static final int ANSWERED = 1;
    private static final int DISMISSED = 2;

    void shown(final String trigger, final String question)
    {
        final Question tally = question(question);
        tally.shown++;
        tally.triggers.add(trigger);
        trigger(trigger)[SHOWN]++;
    }

    /** Takes back a {@link #shown} whose question was withdrawn before the person saw it. */
    void unseen(final String trigger, final String question)
    {
        question(question).shown--;
        trigger(trigger)[SHOWN]--;
    }

    void answered(final String trigger, final String question, final String choice)
    {
        question(question).choices.merge(choice, 1L, Long::sum);
        trigger(trigger)[ANSWERED]++;
    }

    void dismissed(final String trigger, final String question)
    {
        question(question).dismissed++;
        trigger(trigger)[DISMISSED]++;
    }

    Set<String> questions()
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

    long shown(final String question)
    {
        final Question tally = questions.get(question);
        return tally == null ? 0 : tally.shown;
    }

    long dismissed(final String question)
    {
        final Question tally = questions.get(question);
        return tally == null ? 0 : tally.dismissed;
    }

    List<String> triggersOf(final String question)
    {
        final Question tally = questions.get(question);
        return tally == null ? List.of() : List.copyOf(tally.triggers);
    }

    /** Answers by choice, most chosen first (ties by id). */
    List<QuestionFigures.ChoiceCount> choices(final String question)
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

    private Question question(final String question)
    {
        return questions.computeIfAbsent(question, id -> new Question());
    }

    private long[] trigger(final String trigger)
    {
        return byTrigger.computeIfAbsent(trigger, id -> new long[3]);
    }

    /** One question's counts. */
    private static final class Question
    {
        final Set<String> triggers = new TreeSet<>();
        final Map<String, Long> choices = new HashMap<>();
        long shown;
        long dismissed;
    }
}
