package dev.pulse.report;

/**
 * A question as one trigger asks it: the unit of the answer split. Two triggers asking one question
 * meet people at different moments, so their answers are reported apart.
 */
record AskedQuestion(String trigger, String question) implements Comparable<AskedQuestion>
{
    @Override
    public int compareTo(final AskedQuestion other)
    {
        final int byQuestion = question.compareTo(other.question);
        return byQuestion != 0 ? byQuestion : trigger.compareTo(other.trigger);
    }
}
