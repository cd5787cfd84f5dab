package dev.pulse.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.ErasureSource;
import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.JournalRecordEncoder;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.JournalRecords;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;
import dev.pulse.journal.RawEventKind;
import dev.pulse.journal.RecordingJournalMetrics;
import dev.pulse.journal.SessionEndReason;

/**
 * Writes a synthetic journal through a real {@link Journal}, the way the server does. A session is
 * named by one number (its sid's low half). A record the full ring refuses is offered again until
 * the journal thread has made room, so no record is lost however many are written.
 */
public final class TestJournal implements AutoCloseable
{
    public static final long CATALOG = 0x1234_5678_9abc_def0L;

    private final Journal journal;
    private final JournalProxy proxy;
    private long catalogVersion = CATALOG;

    private TestJournal(final Journal journal)
    {
        this.journal = journal;
        this.proxy = journal.newProxy();
    }

    /** A journal in {@code dataDir/journal}, as the server lays it out. */
    public static TestJournal open(final Path dataDir) throws IOException
    {
        return new TestJournal(Journal.open(dataDir.resolve("journal"),
            new JournalConfiguration(FsyncPolicy.NEVER, 0, 64L << 20, 1 << 20, true, null), new RecordingJournalMetrics()));
    }

    /** The catalog version hash later records carry. */
    public TestJournal catalogVersion(final long versionHash)
    {
        this.catalogVersion = versionHash;
        return this;
    }

    public TestJournal catalogReload(final long timeMs, final String version, final long versionHash)
    {
        offer(() -> proxy.catalogReload(timeMs, true, version, versionHash, "catalog.yaml", 0));
        return this;
    }

    /** A session whose visitor is unknown (an older snippet): the report takes the session for the visitor. */
    public TestJournal sessionStart(final long timeMs, final long sid, final boolean resumed)
    {
        return sessionStart(timeMs, sid, 0, resumed);
    }

    /**
     * A session of {@code visitor} (SESSION_START's value: the hash of the browser's stable visitor id, 0 unknown), with
     * the context its hello sent as key, value, key, value...
     */
    public TestJournal sessionStart(final long timeMs, final long sid, final long visitor, final boolean resumed, final String... context)
    {
        offer(() ->
        {
            final JournalRecordEncoder record = proxy.record(JournalRecordType.SESSION_START).timeMs(timeMs).sid(0, sid)
                .catalogVersion(catalogVersion).value(visitor).code(resumed ? 1 : 0).string("demo");
            for (final String text : context)
            {
                record.string(text);
            }
            return record.commit();
        });
        return this;
    }

    public TestJournal signal(final long timeMs, final long sid, final String trigger, final Verdict verdict, final String question)
    {
        return signal(timeMs, sid, trigger, DetectorKind.IDLE_ON_KEY_PAGE, verdict, question);
    }

    public TestJournal signal(final long timeMs, final long sid, final String trigger, final DetectorKind detector, final Verdict verdict,
        final String question)
    {
        offer(() -> JournalRecords.signal(proxy, timeMs, 0, sid, catalogVersion, trigger, detector, verdict, 0, question, null));
        return this;
    }

    /**
     * A search detector's signal as the server writes it: its iid when shown, the search's text ("" here: the report
     * never reads it) and the intent its words matched ({@code null}: none, so no intent string).
     */
    public TestJournal searchSignal(final long timeMs, final long sid, final String trigger, final DetectorKind detector,
        final Verdict verdict, final int iid, final String question, final String intent)
    {
        offer(() ->
        {
            final JournalRecordEncoder record = proxy.record(JournalRecordType.SIGNAL).timeMs(timeMs).sid(0, sid)
                .catalogVersion(catalogVersion).value(detector.ordinal()).iid(iid).code(verdict.ordinal()).string(trigger)
                .string(detector.catalogName()).string(verdict.reason()).string(question).searchText("");
            if (intent != null)
            {
                record.string(intent);
            }
            return record.commit();
        });
        return this;
    }

    /** A captured search (RAW_EVENT of kind search): its intent ({@code null}: the words matched none) and its results. */
    public TestJournal searchEvent(final long timeMs, final long sid, final long seq, final String intent, final long results)
    {
        final CharSequence[] pairs = intent == null ? new CharSequence[] {RawEventKind.MONO_MS, "1", "q", "words", "results", Long.toString(results)}
            : new CharSequence[] {RawEventKind.MONO_MS, "1", "q", "words", "intent", intent, "results", Long.toString(results)};
        offer(() -> proxy.rawEvent(timeMs, 0, sid, catalogVersion, RawEventKind.SEARCH, seq, 0, pairs, pairs.length));
        return this;
    }

    /** A hand-off offered with the response of {@code iid}: HANDOFF, code 1 someone available, 0 not. */
    public TestJournal handoff(final long timeMs, final long sid, final int iid, final String question, final String choice,
        final String response, final boolean available, final String channel)
    {
        offer(() -> proxy.record(JournalRecordType.HANDOFF).timeMs(timeMs).sid(0, sid).catalogVersion(catalogVersion).iid(iid)
            .code(available ? 1 : 0).string(question).string(choice).string(response).string(channel).commit());
        return this;
    }

    public TestJournal shown(final long timeMs, final long sid, final int iid, final String trigger, final String question,
        final String variant)
    {
        offer(() -> JournalRecords.questionShown(proxy, timeMs, 0, sid, catalogVersion, iid, trigger, question, variant, null, "pricing"));
        return this;
    }

    public TestJournal answer(final long timeMs, final long sid, final int iid, final String question, final String choice,
        final String response)
    {
        offer(() -> JournalRecords.answer(proxy, timeMs, 0, sid, catalogVersion, iid, question, choice));
        offer(() -> JournalRecords.responseShown(proxy, timeMs, 0, sid, catalogVersion, iid, question, choice, response, null));
        return this;
    }

    /** "Did this help?" answered on the response of {@code iid}: FEEDBACK, code 1 yes, 0 no. */
    public TestJournal feedback(final long timeMs, final long sid, final int iid, final String question, final String choice,
        final String response, final boolean helpful)
    {
        offer(() -> proxy.record(JournalRecordType.FEEDBACK).timeMs(timeMs).sid(0, sid).catalogVersion(catalogVersion).iid(iid)
            .code(helpful ? 1 : 0).string(question).string(choice).string(response).commit());
        return this;
    }

    public TestJournal dismiss(final long timeMs, final long sid, final int iid, final String question)
    {
        offer(() -> JournalRecords.dismiss(proxy, timeMs, 0, sid, catalogVersion, iid, question));
        return this;
    }

    /** An outcome window closed at {@code timeMs} after {@code durationMs}; choice and response null when unanswered. */
    public TestJournal outcome(final long timeMs, final long sid, final OutcomeKind kind, final OutcomeGroup group, final int iid,
        final long durationMs, final String trigger, final String question, final String variant, final String choice,
        final String response)
    {
        return outcome(timeMs, sid, kind, group, iid, durationMs, trigger, question, variant, choice, response, "pricing");
    }

    /** An outcome window closed, the person having been stuck on a page of kind {@code stuckKind}. */
    public TestJournal outcome(final long timeMs, final long sid, final OutcomeKind kind, final OutcomeGroup group, final int iid,
        final long durationMs, final String trigger, final String question, final String variant, final String choice,
        final String response, final String stuckKind)
    {
        offer(() -> JournalRecords.outcome(proxy, timeMs, 0, sid, catalogVersion, kind, group, iid, durationMs, trigger, question, variant, choice,
            response, stuckKind));
        return this;
    }

    /** A captured page view (RAW_EVENT), as the server journals it with {@code capture_events}. */
    public TestJournal pageEvent(final long timeMs, final long sid, final long seq, final String path)
    {
        offer(() -> proxy.rawEvent(timeMs, 0, sid, catalogVersion, RawEventKind.PAGE, seq, 0, new CharSequence[] {"url", path}, 2));
        return this;
    }

    /** The question shown as {@code iid} was withdrawn before the person saw it. */
    public TestJournal unseen(final long timeMs, final long sid, final int iid, final String question)
    {
        offer(() -> proxy.questionUnseen(timeMs, 0, sid, catalogVersion, iid, question));
        return this;
    }

    public TestJournal sessionEnd(final long timeMs, final long sid)
    {
        offer(() -> proxy.sessionEnd(timeMs, 0, sid, SessionEndReason.EXPIRED));
        return this;
    }

    /** The session was erased ({@code DELETE /admin/sessions/SID}): every record of its sid is to be left out. */
    public TestJournal erased(final long timeMs, final long sid, final long visitor)
    {
        offer(() -> proxy.record(JournalRecordType.SESSION_ERASED).timeMs(timeMs).sid(0, sid).value(visitor)
            .code(ErasureSource.ADMIN_SESSION.ordinal()).commit());
        return this;
    }

    /** Waits until every record is in the file, then closes. */
    @Override
    public void close()
    {
        journal.close();
    }

    private static void offer(final BooleanSupplier record)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!record.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("the journal refused a record for 20 s");
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
    }
}
