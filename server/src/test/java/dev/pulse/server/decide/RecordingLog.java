package dev.pulse.server.decide;

import java.util.ArrayList;
import java.util.List;

import dev.pulse.journal.OutcomeGroup;
import dev.pulse.server.metrics.WindowDrop;

/** An InterventionLog for tests: keeps every record as a line of text. */
final class RecordingLog implements InterventionLog
{
    final List<String> signals = new ArrayList<>();
    final List<String> shown = new ArrayList<>();
    final List<String> outcomes = new ArrayList<>();
    final List<String> answers = new ArrayList<>();
    final List<String> dropped = new ArrayList<>();
    boolean accepting = true;

    @Override
    public boolean accepting()
    {
        return accepting;
    }

    @Override
    public boolean record(final DecisionRecord d)
    {
        switch (d.type())
        {
            case SIGNAL -> signals.add(d.triggerId() + " " + d.verdict().reason());
            case QUESTION_SHOWN -> shown.add(d.questionId() + " iid=" + d.iid() + " on " + d.pageKind());
            case ANSWER -> answers.add(d.questionId() + " " + d.choiceId());
            case DISMISS -> answers.add(d.questionId() + " dismissed");
            case FEEDBACK -> answers.add(d.questionId() + " " + d.choiceId() + " " + d.responseId() + " helpful=" + d.helpful() + " iid=" + d.iid());
            case OUTCOME -> outcomes.add(d.outcome().wireName() + " " + d.group().wireName() + " " + d.triggerId() + " " + d.questionId() +
                " " + d.variantId() + " choice=" + d.choiceId() + " response=" + d.responseId() + " stuck=" + d.stuckKind() + " after=" +
                d.durationMs() + "ms");
            default ->
            {
            }
        }
        return true;
    }

    @Override
    public void windowDropped(final WindowDrop reason, final OutcomeGroup group)
    {
        dropped.add(reason.label() + " " + group.wireName());
    }
}
