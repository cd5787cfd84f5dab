package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.pulse.catalog.CatalogArchive;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;

/**
 * Builds a {@link Report} in one streaming pass: hand it every journal record in order
 * ({@link #onRecord}), then ask for the {@link #report}. Records outside the range are ignored
 * (except catalog reloads, which name versions). Each kind of figure has its own tally; this class
 * only dispatches and assembles. Not thread-safe; one report per instance.
 */
public final class ReportAggregator
{
    private final ReportRange range;
    private final SignalTally signals = new SignalTally();
    private final QuestionTally questions = new QuestionTally();
    private final SessionTally sessions = new SessionTally(questions);
    private final WindowTally windows = new WindowTally();
    private final CatalogTally catalogs;
    private long records;
    private long firstRecordMs;
    private long lastRecordMs;

    public ReportAggregator(final ReportRange range)
    {
        this(range, null);
    }

    /** @param catalogCopies where the server kept every catalog version, so the report can name each version's copy; or null. */
    public ReportAggregator(final ReportRange range, final CatalogArchive catalogCopies)
    {
        this.range = range;
        this.catalogs = new CatalogTally(catalogCopies);
    }

    /** Counts one record; the view is not kept. */
    public void onRecord(final JournalRecordFlyweight record)
    {
        final JournalRecordType type = record.type();
        if (type == JournalRecordType.CATALOG_RELOAD)
        {
            catalogs.onReload(record);
        }
        final long timeMs = record.timestampMs();
        if (!range.contains(timeMs))
        {
            return;
        }
        firstRecordMs = records == 0 ? timeMs : Math.min(firstRecordMs, timeMs);
        lastRecordMs = records == 0 ? timeMs : Math.max(lastRecordMs, timeMs);
        records++;
        catalogs.onRecord(record);
        switch (type)
        {
            case SESSION_START -> sessions.onSessionStart(record);
            case SIGNAL -> signals.onSignal(record);
            case QUESTION_SHOWN -> sessions.onQuestionShown(record);
            case QUESTION_UNSEEN ->
            {
                sessions.onQuestionUnseen(record);
                windows.onUnseen(record);
            }
            case ANSWER -> sessions.onAnswer(record);
            case DISMISS -> sessions.onDismiss(record);
            case SESSION_END -> sessions.onSessionEnd(record);
            case OUTCOME -> windows.onOutcome(record);
            default ->
            {
                // Responses shown, catalog reloads and raw events add nothing the figures use.
            }
        }
    }

    /** The figures of every record seen so far; call once, at the end. */
    public Report report(final long generatedAtMs)
    {
        final List<TriggerFigures> triggers = triggers();
        long signalCount = 0;
        for (final TriggerFigures trigger : triggers)
        {
            signalCount += trigger.signals();
        }
        final Exposure exposure = sessions.exposure();
        final Totals totals = new Totals(records, firstRecordMs, lastRecordMs, sessions.started(), sessions.startedNew(),
            sessions.questionsShown(), signalCount, signals.decidedAfterDeferral(), signals.undecidedDeferred(),
            windows.totalWindows(), sessions.answersOutsideRange(), sessions.questionsUnseen(),
            windows.unmeasured());
        return new Report(range, generatedAtMs, totals, triggers, questions(), windows.forwardTimes(TimeBucket.STANDARD), exposure,
            catalogs.versions());
    }

    private List<TriggerFigures> triggers()
    {
        final Set<String> ids = new TreeSet<>(signals.triggers());
        ids.addAll(questions.triggers());
        ids.addAll(windows.triggers());
        final List<TriggerFigures> triggers = new ArrayList<>(ids.size());
        for (final String id : ids)
        {
            final GroupWindows groupWindows = windows.windows(id);
            final Map<String, Long> verdicts = signals.verdicts(id);
            triggers.add(new TriggerFigures(id, signals.detector(id), verdicts, questions.shownByTrigger(id),
                verdicts.getOrDefault("holdout", 0L), verdicts.getOrDefault("shadow", 0L), questions.answeredByTrigger(id),
                questions.dismissedByTrigger(id), groupWindows,
                Lift.of(groupWindows.shown().forwardRate(), groupWindows.holdout().forwardRate(),
                    ReportMethod.MIN_CLOSED_WINDOWS)));
        }
        return List.copyOf(triggers);
    }

    private List<QuestionFigures> questions()
    {
        final Set<String> ids = new TreeSet<>(questions.questions());
        ids.addAll(windows.questions());
        final List<QuestionFigures> figures = new ArrayList<>(ids.size());
        for (final String id : ids)
        {
            figures.add(new QuestionFigures(id, questions.triggersOf(id), questions.shown(id), questions.choices(id),
                questions.dismissed(id), windows.answerOutcomes(id), windows.variants(id)));
        }
        return List.copyOf(figures);
    }
}
