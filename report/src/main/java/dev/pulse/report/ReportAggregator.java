package dev.pulse.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import dev.pulse.catalog.CatalogArchive;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.OutcomeGroup;

/**
 * Builds a {@link Report} in one streaming pass: hand it every journal record in order
 * ({@link #onRecord}), then ask for the {@link #report}. Each kind of figure has its own tally; this
 * class dispatches and assembles.
 *
 * <p>Outcome windows count by the time they opened (the record's time minus its duration) and only
 * once complete: opened at least their catalog version's longest open time before the end of
 * observation. Records after the range's end are read for one longest open time more, and only to
 * close windows opened in the range (their outcomes, withdrawals, sessions' ends); so the end of
 * observation is the range's end plus that time, or the journal's last record if earlier, and a
 * report of a day made later has no window still open. Nothing after the range's end is counted as
 * a record, session, signal or question of the range, and past the look only catalog reloads (which
 * name versions) are read. Session starts before the range are read for their visitor.
 *
 * <p>Memory is bounded by the catalog (triggers, questions, answers, versions), by what is alive at
 * once (sessions, and the windows and openings of the last longest open time) and, the one part
 * that grows with the range, by the distinct visitors ({@link FirstWindows}: one primitive entry per
 * visitor, for the headline and for each trigger they met); never by the number of records.
 * Per-session state: {@link SessionVisitors} and {@link SessionTally}, dropped at SESSION_END;
 * {@link PendingWindows} and {@link OpenWindows}, primitive queues of the last longest open time;
 * marks that wait for a record that may never come expire ({@link ExpiringLongMap}). Not
 * thread-safe; one report per instance.
 */
public final class ReportAggregator
{
    private final ReportRange range;
    private final MultipleComparisons comparisons;
    private final SignalTally signals = new SignalTally();
    private final QuestionTally questions = new QuestionTally();
    private final FeedbackTally feedback = new FeedbackTally();
    private final IntentTally intents = new IntentTally();
    private final HandoffTally handoffs = new HandoffTally();
    private final SessionTally sessions = new SessionTally(questions);
    private final WindowTally windows = new WindowTally(TimeBucket.STANDARD);
    private final CatalogTally catalogs;
    private final Strata strata;
    private final SessionVisitors visitors = new SessionVisitors();
    private final FirstWindows headline = new FirstWindows();
    private final Map<String, FirstWindows> firstByTrigger = new HashMap<>();
    private final PendingWindows pending = new PendingWindows();
    private final OpenWindows openings = new OpenWindows();
    private final BreakdownTally breakdowns;
    /** A complete window counted in every rate: the windows', the intents' and the hand-offs'. */
    private final Consumer<ClosedWindow> counter = this::count;
    private long records;
    private long firstRecordMs;
    /** The oldest record of the whole journal, in the range or not: what retention left. */
    private long oldestJournalMs = Long.MAX_VALUE;
    private long lastRecordMs;
    private long lastJournalMs = Long.MIN_VALUE;

    public ReportAggregator(final ReportRange range)
    {
        this(range, (CatalogArchive)null);
    }

    /** @param catalogCopies where the server kept every catalog version (each version's policy is read from it); or null. */
    public ReportAggregator(final ReportRange range, final CatalogArchive catalogCopies)
    {
        this(range, new CatalogCopies(catalogCopies), MultipleComparisons.HOLM);
    }

    /** A cluster's report: the catalog copies of every node (a version is read from the first archive that has it). */
    public ReportAggregator(final ReportRange range, final List<CatalogArchive> catalogCopies)
    {
        this(range, new CatalogCopies(catalogCopies), MultipleComparisons.HOLM);
    }

    /** With the catalog versions' policies given directly (simulations) and a choice of multiple-comparison method. */
    public ReportAggregator(final ReportRange range, final CatalogArchive catalogCopies, final LongFunction<WindowPolicy> policies,
        final MultipleComparisons comparisons)
    {
        this(range, new CatalogCopies(catalogCopies), policies, comparisons);
    }

    /** The policies from the same copies the context keys are read from: each version compiled once. */
    private ReportAggregator(final ReportRange range, final CatalogCopies copies, final MultipleComparisons comparisons)
    {
        this(range, copies, new WindowPolicies(copies), comparisons);
    }

    private ReportAggregator(final ReportRange range, final CatalogCopies copies, final LongFunction<WindowPolicy> policies,
        final MultipleComparisons comparisons)
    {
        this.range = range;
        this.comparisons = comparisons;
        this.catalogs = new CatalogTally(copies);
        this.strata = new Strata(policies);
        this.breakdowns = new BreakdownTally(range, strata, visitors, headline, new SessionContexts(copies::contextKeys));
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
        lastJournalMs = Math.max(lastJournalMs, timeMs);
        oldestJournalMs = Math.min(oldestJournalMs, timeMs);
        if (timeMs >= range.toMs())
        {
            afterRange(type, record, timeMs);
            return;
        }
        switch (type)
        {
            case SESSION_START -> visitors.onSessionStart(record);
            case QUESTION_UNSEEN -> windows.onUnseen(record, strata.longestOpenMs());
            case OUTCOME -> onOutcome(record);
            default ->
            {
                // Counted below, in the range only.
            }
        }
        breakdowns.onRecord(record);
        if (timeMs < range.fromMs())
        {
            if (type == JournalRecordType.SESSION_END)
            {
                visitors.onSessionEnd(record);
            }
            return;
        }
        firstRecordMs = records == 0 ? timeMs : Math.min(firstRecordMs, timeMs);
        lastRecordMs = records == 0 ? timeMs : Math.max(lastRecordMs, timeMs);
        records++;
        catalogs.onRecord(record);
        pending.release(timeMs, strata, counter);
        switch (type)
        {
            case SESSION_START -> sessions.onSessionStart(record);
            case SIGNAL ->
            {
                signals.onSignal(record);
                intents.onSignal(record, linkHorizonMs());
                onSignalOpening(record);
            }
            case QUESTION_SHOWN ->
            {
                sessions.onQuestionShown(record);
                openings.onOpened(timeMs, strata.index(record.catalogVersion()), strata);
            }
            case QUESTION_UNSEEN -> sessions.onQuestionUnseen(record);
            case ANSWER -> sessions.onAnswer(record);
            case DISMISS -> sessions.onDismiss(record);
            case FEEDBACK -> feedback.onFeedback(record);
            case RAW_EVENT -> intents.onRawEvent(record);
            case HANDOFF -> handoffs.onHandoff(record, linkHorizonMs());
            case SESSION_END ->
            {
                sessions.onSessionEnd(record);
                visitors.onSessionEnd(record);
                intents.onSessionEnd(record);
            }
            default ->
            {
                // Outcomes were counted by their opening above; responses shown add nothing.
            }
        }
    }

    /**
     * Past the range's end, up to the longest a window stays open after it: only what closes windows opened in the
     * range (their outcomes, and withdrawals of questions shown in it); sessions' ends free their visitors.
     */
    private void afterRange(final JournalRecordType type, final JournalRecordFlyweight record, final long timeMs)
    {
        if (timeMs >= lookEndMs())
        {
            return;
        }
        switch (type)
        {
            case QUESTION_UNSEEN -> windows.onUnseen(record, strata.longestOpenMs());
            case OUTCOME -> onOutcome(record);
            case SESSION_END -> visitors.onSessionEnd(record);
            // A hand-off offered just past the end, on a question shown in the range: its window may be the range's.
            case HANDOFF -> handoffs.link(record, linkHorizonMs());
            default ->
            {
                // Sessions, signals, questions and answers after the end are not the range's.
            }
        }
        if (type == JournalRecordType.OUTCOME || type == JournalRecordType.SESSION_END)
        {
            // A unit of the range whose first window closes past its end belongs in its cells too.
            breakdowns.onRecord(record);
        }
        pending.release(timeMs, strata, counter);
    }

    /** How long a shown question's intent or hand-off waits for its window's outcome (and a deferral for its decision). */
    private long linkHorizonMs()
    {
        return Math.max(strata.longestOpenMs(), SignalTally.DEFERRAL_HORIZON_MS);
    }

    /** The end of the look past the range: its end plus the longest a window of the versions seen stays open. */
    private long lookEndMs()
    {
        final long longestMs = strata.longestOpenMs();
        return range.toMs() > Long.MAX_VALUE - longestMs ? Long.MAX_VALUE : range.toMs() + longestMs;
    }

    /** A holdout or shadow signal opens a window (a shown one opens at its QUESTION_SHOWN). */
    private void onSignalOpening(final JournalRecordFlyweight record)
    {
        final int code = record.code();
        if (code == Verdict.HOLDOUT.ordinal() || code == Verdict.SHADOW.ordinal())
        {
            openings.onOpened(record.timestampMs(), strata.index(record.catalogVersion()), strata);
        }
    }

    private void onOutcome(final JournalRecordFlyweight record)
    {
        final long openingMs = record.timestampMs() - record.value();
        // The links go with the window's outcome, whatever it is: they wait for nothing else.
        final int intent = intents.take(record);
        final int handoff = handoffs.take(record);
        if (!range.contains(openingMs))
        {
            windows.forget(record);
            return;
        }
        final ClosedWindow read = windows.onOutcome(record, strata.index(record.catalogVersion()), visitors.visitor(record));
        if (read == null)
        {
            return;
        }
        final ClosedWindow window = read.tagged(intent, handoff);
        if (window.group() != OutcomeGroup.SHADOW)
        {
            final boolean treated = window.group() == OutcomeGroup.SHOWN;
            headline.onWindow(window.visitor(), openingMs, window.stratum(), treated, window.forward());
            firstByTrigger.computeIfAbsent(window.trigger(), id -> new FirstWindows())
                .onWindow(window.visitor(), openingMs, window.stratum(), treated, window.forward());
        }
        pending.onClosed(window, record.timestampMs(), strata, counter);
    }

    private void count(final ClosedWindow window)
    {
        windows.count(window);
        intents.count(window);
        handoffs.count(window);
    }

    /** The end of observation so far: the end of the look past the range or the last record read, whichever is earlier. */
    long observationEndMs()
    {
        return lastJournalMs == Long.MIN_VALUE ? range.fromMs() : Math.min(lookEndMs(), lastJournalMs);
    }

    /** The state that follows what is alive in the journal: tests check it stays bounded. */
    LiveState liveState()
    {
        return new LiveState(sessions.sessions(), sessions.openQuestions(), visitors.sessions(), signals.entries(), windows.entries(),
            pending.size(), openings.size(), intents.entries() + handoffs.entries());
    }

    /** The headline as it stands at this end of observation (a look at a live report); does not change the tallies. */
    Headline headlineAt(final long observationEndMs, final boolean live)
    {
        final FirstWindows.Units units = headline.units(strata, observationEndMs);
        return new Headline(LiftEstimator.estimate(units.strata(), live, ReportMethod.MIN_CLOSED_WINDOWS), units.strata(),
            units.visitorsOpen());
    }

    /** The figures of every record seen so far; call once, at the end. */
    public Report report(final long generatedAtMs)
    {
        final long endMs = observationEndMs();
        final boolean live = range.toMs() > generatedAtMs;
        final long closedButOpen = pending.finish(endMs, strata, counter);
        final Headline headlineFigures = headlineAt(endMs, live);
        final List<TriggerFigures> triggers = triggers(endMs, live);
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
        // Openings are counted from their records; an outcome already recorded for an open window is one of them.
        final long windowsOpen = Math.max(openings.open(strata, endMs), closedButOpen);
        final Observation observation = new Observation(endMs, live, headlineFigures.lift().kind(), comparisons, strata.allKnown(),
            windowsOpen);
        final List<QuestionFigures> questionFigures = questions();
        return new Report(range, generatedAtMs, totals, triggers, questionFigures, windows.forwardTimes(), exposure,
            catalogs.versions(), headlineFigures, observation, breakdowns.breakdowns(endMs, live, catalogs.versions()),
            Coverage.of(range, oldestJournalMs), feedback.helpfulness(questionFigures), intents.searches(daysSpanned()),
            handoffs.handoffs(strata, live));
    }

    /** The UTC days from the range's first record to its last. */
    private long daysSpanned()
    {
        return records == 0 ? 0 : Math.floorDiv(lastRecordMs, Figures.DAY_MS) - Math.floorDiv(firstRecordMs, Figures.DAY_MS) + 1;
    }

    private List<TriggerFigures> triggers(final long endMs, final boolean live)
    {
        final Set<String> ids = new TreeSet<>(signals.triggers());
        ids.addAll(questions.triggers());
        ids.addAll(windows.triggers());
        ids.addAll(firstByTrigger.keySet());
        final List<String> order = List.copyOf(ids);
        final Lift[] lifts = new Lift[order.size()];
        final double[] pValues = new double[order.size()];
        for (int i = 0; i < lifts.length; i++)
        {
            final FirstWindows first = firstByTrigger.getOrDefault(order.get(i), new FirstWindows());
            lifts[i] = LiftEstimator.estimate(first.units(strata, endMs).strata(), live, ReportMethod.MIN_CLOSED_WINDOWS);
            pValues[i] = lifts[i].enoughData() ? lifts[i].pValue() : Double.NaN;
        }
        final double[] adjusted = comparisons.adjust(pValues);
        final List<TriggerFigures> triggers = new ArrayList<>(order.size());
        for (int i = 0; i < lifts.length; i++)
        {
            final String id = order.get(i);
            final Map<String, Long> verdicts = signals.verdicts(id);
            triggers.add(new TriggerFigures(id, signals.detector(id), verdicts, questions.shownByTrigger(id),
                verdicts.getOrDefault("holdout", 0L), verdicts.getOrDefault("shadow", 0L), questions.answeredByTrigger(id),
                questions.dismissedByTrigger(id), windows.windows(id), lifts[i].adjusted(adjusted[i])));
        }
        return List.copyOf(triggers);
    }

    private List<QuestionFigures> questions()
    {
        final Set<AskedQuestion> asked = new TreeSet<>(questions.questions());
        asked.addAll(windows.questions());
        final List<QuestionFigures> figures = new ArrayList<>(asked.size());
        for (final AskedQuestion question : asked)
        {
            figures.add(new QuestionFigures(question.question(), List.of(question.trigger()), questions.shown(question),
                questions.choices(question), questions.dismissed(question), windows.answerOutcomes(question), windows.variants(question)));
        }
        return List.copyOf(figures);
    }
}
