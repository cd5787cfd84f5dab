package dev.pulse.server.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agrona.concurrent.UnsafeBuffer;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.NavType;
import dev.pulse.detect.PagePath;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.ErasedSessions;
import dev.pulse.journal.MergedJournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.RawEventKind;
import dev.pulse.server.decide.CatalogVersions;
import dev.pulse.server.decide.ContextPairs;
import dev.pulse.server.decide.ServerSessionFlyweight;
import dev.pulse.server.decide.SessionMachine;
import dev.pulse.server.session.SessionRecord;

/**
 * What a candidate catalog would have done with real traffic: the raw events a site captured
 * ({@code capture_events}) are run, in journal order, through the same {@link SessionMachine} the
 * server runs, over the candidate catalog, with each session's record in memory until the journal
 * says the session ended (its SESSION_END: the live sweeper's decision, which also knew whether a
 * connection was still open). The journal's own SIGNAL records give what the live catalog did. Run through the live catalog, the replay repeats the live
 * decisions exactly: same code, same times, same session ids. The machine runs on each raw event's
 * {@link RawEventKind#MONO_MS} (the monotonic time the live machine was given; the record's wall
 * timestamp for journals written before it existed), and its decisions carry the raw event's wall
 * timestamp, as the live SIGNAL records do.
 *
 * <p>Cold path (a command): allocates freely; about 2 KiB of memory per session not yet ended.
 */
public final class Replay
{
    private final CompiledCatalog candidate;
    private final TriggerTally replayed = new TriggerTally();
    private final TriggerTally live = new TriggerTally();
    private final SessionMachine machine;
    private final Map<String, UnsafeBuffer> sessions = new HashMap<>();
    private final SessionStateFlyweight state = new SessionStateFlyweight();
    private final ServerSessionFlyweight record = new ServerSessionFlyweight();
    private final Event event = new Event();
    private final CharSequence[] contextStrings = new CharSequence[2 * SessionStateFlyweight.CONTEXT_CAPACITY];
    private final PagePath path = new PagePath();
    private long rawEvents;
    /** The wall timestamp of the raw event being replayed: the time its decisions are recorded at. */
    private long recordWallMs;

    public Replay(final CompiledCatalog candidate)
    {
        this.candidate = candidate;
        final CatalogVersions onlyTheCandidate = versionHash -> candidate;
        this.machine = new SessionMachine(onlyTheCandidate, new TallyLog(replayed, () -> recordWallMs));
    }

    /**
     * Replays every captured event of the journal in {@code journalDir}, erased sessions left out:
     * none of their records (raw events, live signals, ends) is read, wherever it lies
     * ({@link ErasedSessions}, read first).
     */
    public Replay run(final Path journalDir) throws IOException
    {
        return run(List.of(journalDir));
    }

    /**
     * Replays several nodes' journals as one ({@link MergedJournalReader}: each in its order, merged
     * by record time), so a session that moved between nodes runs through one session record; an
     * erasure journaled by any node leaves the session out of all of them.
     */
    public Replay run(final List<Path> journalDirs) throws IOException
    {
        final ErasedSessions erased = ErasedSessions.read(journalDirs);
        try (MergedJournalReader reader = MergedJournalReader.open(journalDirs))
        {
            JournalRecordFlyweight journalRecord;
            while ((journalRecord = reader.next()) != null)
            {
                if (erased.contains(journalRecord.sidHi(), journalRecord.sidLo()))
                {
                    continue;
                }
                if (journalRecord.type() == JournalRecordType.SIGNAL)
                {
                    final Verdict verdict = Verdict.fromOrdinal(journalRecord.code());
                    live.record(journalRecord.string("trigger"), verdict, journalRecord.sidHi(), journalRecord.sidLo(),
                        journalRecord.timestampMs());
                }
                else if (journalRecord.type() == JournalRecordType.RAW_EVENT)
                {
                    rawEvents++;
                    apply(journalRecord);
                }
                else if (journalRecord.type() == JournalRecordType.SESSION_END)
                {
                    end(journalRecord);
                }
            }
        }
        return this;
    }

    public long rawEvents()
    {
        return rawEvents;
    }

    TriggerTally replayed()
    {
        return replayed;
    }

    TriggerTally live()
    {
        return live;
    }

    /** The replay's decisions in order (time, session, trigger, verdict), one per line. */
    public String replayedDecisions()
    {
        return replayed.decisions();
    }

    /** The live server's decisions, read from the same journal, in the same form. */
    public String liveDecisions()
    {
        return live.decisions();
    }

    /** The comparison per trigger, as a table for people. */
    public String report()
    {
        return new ReplayReport(live, replayed, rawEvents, candidate).text();
    }

    private void apply(final JournalRecordFlyweight raw)
    {
        final RawEventKind kind = RawEventKind.fromOrdinal(raw.code());
        final Fields fields = new Fields(raw);
        final String monoMs = fields.get(RawEventKind.MONO_MS);
        final long nowMs = monoMs != null ? Long.parseLong(monoMs) : raw.timestampMs();
        recordWallMs = raw.timestampMs();
        final String key = Long.toHexString(raw.sidHi()) + ':' + Long.toHexString(raw.sidLo());
        UnsafeBuffer buffer = sessions.get(key);
        if (kind == RawEventKind.HELLO)
        {
            if (buffer == null)
            {
                buffer = new UnsafeBuffer(new byte[SessionRecord.LENGTH]);
                sessions.put(key, buffer);
                // A hello's value is the session's visitor (0 in journals before it was recorded).
                point(buffer).init(raw.sidHi(), raw.sidLo(), Hash64.of(candidate.siteKey()), nowMs).visitorHash(raw.value());
                record.init(nowMs);
            }
            point(buffer);
            final int pairs = Math.min(Math.min(fields.contextKeys.size(), fields.contextValues.size()), contextStrings.length / 2);
            for (int i = 0; i < pairs; i++)
            {
                contextStrings[2 * i] = fields.contextKeys.get(i);
                contextStrings[2 * i + 1] = fields.contextValues.get(i);
            }
            // The captured hello does not say which pairs the token vouched for: the replay takes them all as the page's.
            ContextPairs.put(candidate, state, contextStrings, pairs, 0);
            state.context().wallSkewMs(raw.timestampMs() - nowMs);
            machine.hello(candidate, state, record, nowMs);
            return;
        }
        if (buffer == null || kind == null)
        {
            return;
        }
        point(buffer);
        state.context().wallSkewMs(raw.timestampMs() - nowMs);
        switch (kind)
        {
            case TIMER:
                machine.onTimer(candidate, state, record, nowMs);
                break;
            case ANSWER:
                machine.onAnswer(candidate, state, record, raw.iid(), Hash64.of(fields.get("choice")), nowMs);
                break;
            case DISMISS:
                machine.onDismiss(candidate, state, record, raw.iid(), nowMs);
                break;
            case FEEDBACK:
                machine.onFeedback(candidate, state, record, raw.iid(), "true".equals(fields.get("helpful")), nowMs);
                break;
            default:
                machine.onEvent(candidate, state, record, toEvent(kind, fields), fields.get("q"), nowMs);
                break;
        }
    }

    private Event toEvent(final RawEventKind kind, final Fields fields)
    {
        switch (kind)
        {
            case PAGE:
                path.normalise(fields.get("url"));
                return event.reset(EventType.PAGE).page(path.hash(), candidate.pageKindOf(path), nav(fields.get("nav")));
            case VISIBILITY:
                return event.reset(EventType.VISIBILITY).hidden("true".equals(fields.get("hidden")));
            case CLICK:
                return event.reset(EventType.CLICK).click(Hash64.of(fields.get("target")), Integer.parseInt(fields.get("x")),
                    Integer.parseInt(fields.get("y")));
            case SEARCH:
                // The intent the live server classified, by name, numbered as the candidate numbers it: the
                // text may be hidden, so it is not classified again (a candidate's new words apply to new traffic).
                return event.reset(EventType.SEARCH).resultCount(Long.parseLong(fields.get("results")))
                    .searchIntent(fields.get("intent") == null ? 0 : candidate.intents().number(fields.get("intent")));
            case FORM_ERROR:
                return event.reset(EventType.FORM_ERROR).formError(Hash64.of(fields.get("form")), Hash64.of(fields.get("field")));
            case GOAL:
                return event.reset(EventType.GOAL).goal(Hash64.of(fields.get("name")));
            case EXIT_INTENT:
                return event.reset(EventType.EXIT_INTENT);
            case SCROLL_BACK:
                return event.reset(EventType.SCROLL_BACK);
            case BACKEND:
                event.reset(EventType.BACKEND).backend(Hash64.of(fields.get("name")));
                for (int i = 0; i < fields.backendNames.size(); i++)
                {
                    final String value = fields.backendValues.get(i);
                    event.backendField(Hash64.of(fields.backendNames.get(i)), Hash64.of(value),
                        fields.backendNumbers.get(i) ? Double.parseDouble(value) : Double.NaN, value);
                }
                return event;
            default:
                return event.reset(EventType.ACTIVE);
        }
    }

    /** The live sweeper ended this session: its undecided windows exit, as they did live. */
    private void end(final JournalRecordFlyweight end)
    {
        final UnsafeBuffer buffer = sessions.remove(Long.toHexString(end.sidHi()) + ':' + Long.toHexString(end.sidLo()));
        if (buffer != null)
        {
            point(buffer);
            machine.onExpired(state, record, end.timestampMs());
        }
    }

    private SessionStateFlyweight point(final UnsafeBuffer buffer)
    {
        record.wrap(buffer, SessionRecord.SERVER_OFFSET);
        return state.wrap(buffer, SessionRecord.CORE_OFFSET);
    }

    private static NavType nav(final String wireName)
    {
        for (final NavType nav : NavType.values())
        {
            if (nav.wireName().equals(wireName))
            {
                return nav;
            }
        }
        return NavType.NAVIGATE;
    }
}
