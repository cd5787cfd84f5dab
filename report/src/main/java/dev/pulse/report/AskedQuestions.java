package dev.pulse.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the (trigger, question) pairs met, so per-session state keeps an int, not two strings.
 * As many as the catalogs ask. Not thread-safe.
 */
final class AskedQuestions
{
    private final Map<AskedQuestion, Integer> numberByQuestion = new HashMap<>();
    private final List<AskedQuestion> questionByNumber = new ArrayList<>();

    int number(final String trigger, final String question)
    {
        return numberByQuestion.computeIfAbsent(new AskedQuestion(trigger, question), key ->
        {
            questionByNumber.add(key);
            return questionByNumber.size() - 1;
        });
    }

    AskedQuestion question(final int number)
    {
        return questionByNumber.get(number);
    }
}
