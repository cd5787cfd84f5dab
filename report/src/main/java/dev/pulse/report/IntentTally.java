package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.agrona.collections.Long2LongHashMap;

import dev.pulse.detect.EventType;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.RawEventKind;
import dev.pulse.journal.SessionEndReason;

/**
 * Searches by the catalog intent their words matched, and the questions searches asked. Two sources,
 * because the journal keeps a search in two places:
 * <ul>
 *   <li>the captured search messages (RAW_EVENT of kind search, fields {@code intent}, absent when the
 *   words matched none, and {@code results}): searches, the sessions that searched, failed searches
 *   (no results). Only when the catalog captures events, and never in a segment retention compacted
 *   ({@code journal_retention_mode: compact} drops raw events), so the days they were counted from
 *   are counted too;</li>
 *   <li>the signals of the search detectors ({@code failed_search}, {@code search_intent}), which
 *   carry the search's intent and are kept by compaction: questions asked (verdict shown), and the
 *   forward rate of their shown windows, linked by session and intervention id.</li>
 * </ul>
 * A deferred search signal decided after the page grace is decided on a timer, whose record names
 * no intent: the deferral's intent is kept for it, per session and trigger.
 *
 * <p>Memory: counts per intent name (the catalogs'; past {@link #CAPACITY} names "(other values)"),
 * two words of bits per session alive that searched (dropped at its expiry), the days captured, and the
 * shown questions and deferrals of the last one to two horizons ({@link ExpiringLongMap}: the longest
 * a window stays open, at least an hour). Not thread-safe.
 */
final class IntentTally
{
    /** Intent names numbered: two longs of bits per session, less the two special cells. */
    static final int CAPACITY = 126;
    private static final int SEARCHES = 0;
    private static final int FAILED = 1;
    private static final int SESSIONS = 2;
    private static final int ASKED = 3;
    private static final int FORWARD = 4;
    private static final int CLOSED = 5;
    private static final long MISSING = -1;
    private static final String INTENT = "intent";
    private static final String RESULTS = "results";
    /** By a SIGNAL's value (its detector's ordinal): whether a search completes that detector. */
    private static final boolean[] BY_SEARCH = searchDetectors();

    private final CellNames names = new CellNames(CAPACITY);
    private final long[][] counts = new long[CAPACITY + 2][6];
    private final Long2LongHashMap[] searchedBySession = {new Long2LongHashMap(0), new Long2LongHashMap(0)};
    private final Set<Long> daysCaptured = new TreeSet<>();
    private long lastDayCaptured = Long.MIN_VALUE;
    private final WindowLinks shownQuestions = new WindowLinks();
    private final ExpiringLongMap deferrals = new ExpiringLongMap(MISSING);
    private final ExpiringLongMap.Expired forgotten = (key, value) -> { };

    /** A captured event of the range: a search is counted; any event makes its UTC day one with captured events. */
    void onRawEvent(final JournalRecordFlyweight record)
    {
        final long day = Math.floorDiv(record.timestampMs(), Figures.DAY_MS);
        if (day != lastDayCaptured)
        {
            daysCaptured.add(day);
            lastDayCaptured = day;
        }
        if (record.code() != RawEventKind.SEARCH.ordinal())
        {
            return;
        }
        String intent = null;
        long results = MISSING;
        for (int i = 1; i + 1 < record.stringCount(); i += 2)
        {
            final String name = record.string(i);
            if (INTENT.equals(name))
            {
                intent = record.string(i + 1);
            }
            else if (RESULTS.equals(name))
            {
                results = parse(record.string(i + 1));
            }
        }
        final int number = names.index(intent);
        counts[number][SEARCHES]++;
        counts[number][FAILED] += results == 0 ? 1 : 0;
        final long session = Records.session(record);
        final Long2LongHashMap searched = searchedBySession[number >>> 6];
        final long bits = searched.get(session);
        final long bit = 1L << (number & 63);
        if ((bits & bit) == 0)
        {
            searched.put(session, bits | bit);
            counts[number][SESSIONS]++;
        }
    }

    /**
     * A signal of the range: a search detector's shown signal is a question asked by its intent.
     *
     * @param horizonMs the longest a window stays open (and a deferral waits): its link is kept at least that long.
     */
    void onSignal(final JournalRecordFlyweight record, final long horizonMs)
    {
        deferrals.advance(record.timestampMs(), horizonMs, forgotten);
        final long detector = record.value();
        if (detector < 0 || detector >= BY_SEARCH.length || !BY_SEARCH[(int)detector])
        {
            return;
        }
        final long session = Records.session(record);
        final long deferral = Records.key(session, Records.text(record, "trigger").hashCode());
        final String intent = record.string(INTENT);
        final int code = record.code();
        if (code == Verdict.DEFERRED.ordinal())
        {
            deferrals.put(deferral, names.index(intent));
            return;
        }
        final long deferred = deferrals.remove(deferral);
        // A decision after the grace comes from a timer, which names no intent: the deferral's stands.
        final int number = intent == null && deferred != MISSING ? (int)deferred : names.index(intent);
        if (code == Verdict.SHOWN.ordinal())
        {
            counts[number][ASKED]++;
            shownQuestions.put(record, number, horizonMs);
        }
    }

    /** A session ended: once expired it never searches again (a replaced one goes on, on another connection). */
    void onSessionEnd(final JournalRecordFlyweight record)
    {
        if (record.code() != SessionEndReason.EXPIRED.ordinal())
        {
            return;
        }
        final long session = Records.session(record);
        searchedBySession[0].remove(session);
        searchedBySession[1].remove(session);
    }

    /** The intent that asked an outcome's shown window ({@link ClosedWindow#NONE} if no search did); its link goes. */
    int take(final JournalRecordFlyweight record)
    {
        return shownQuestions.take(record);
    }

    /** A complete window: a shown one asked by a search counts in its intent's forward rate. */
    void count(final ClosedWindow window)
    {
        if (window.group() == OutcomeGroup.SHOWN && window.intent() != ClosedWindow.NONE)
        {
            counts[window.intent()][FORWARD] += window.forward() ? 1 : 0;
            counts[window.intent()][CLOSED]++;
        }
    }

    /** Entries kept for sessions and links (tests check it stays bounded). */
    int entries()
    {
        return searchedBySession[0].size() + searchedBySession[1].size() + shownQuestions.size() + deferrals.size();
    }

    /** Every intent searched or asked by, by name, then "(other values)", then no intent. */
    Searches searches(final long daysSpanned)
    {
        final List<Searches.Intent> intents = new ArrayList<>();
        for (int number = CellNames.OTHER_INDEX + 1; number < counts.length; number++)
        {
            if (counts[number][SEARCHES] + counts[number][ASKED] > 0)
            {
                add(intents, number, names.name(number));
            }
        }
        intents.sort((a, b) -> a.intent().compareTo(b.intent()));
        add(intents, CellNames.OTHER_INDEX, CellNames.OTHER);
        add(intents, CellNames.NOT_SET_INDEX, Searches.NO_INTENT);
        return new Searches(daysCaptured.size(), daysSpanned, List.copyOf(intents));
    }

    private void add(final List<Searches.Intent> intents, final int number, final String name)
    {
        final long[] c = counts[number];
        if (c[SEARCHES] + c[ASKED] == 0)
        {
            return;
        }
        intents.add(new Searches.Intent(name, c[SEARCHES], c[SESSIONS], new Proportion(c[FAILED], c[SEARCHES]), c[ASKED],
            new Proportion(c[FORWARD], c[CLOSED])));
    }

    private static long parse(final String decimal)
    {
        try
        {
            return Long.parseLong(decimal);
        }
        catch (final NumberFormatException e)
        {
            return MISSING;
        }
    }

    private static boolean[] searchDetectors()
    {
        final boolean[] bySearch = new boolean[DetectorKind.values().length];
        for (final DetectorKind kind : DetectorKind.completedBy(EventType.SEARCH))
        {
            bySearch[kind.ordinal()] = true;
        }
        return bySearch;
    }
}
