package dev.pulse.server.journal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.concurrent.ringbuffer.RingBuffer;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.server.metrics.Metrics;

import static dev.pulse.server.journal.JournalRecordEncoder.sizeOf;
import static dev.pulse.server.journal.JournalRecordFlyweight.HEADER_LENGTH;

/**
 * What goes into each journal record (see {@link JournalRecordType} for the meaning of code, value
 * and strings per type): every method measures its record, claims it in the shared ring buffer,
 * writes the fields in place and commits ({@link JournalRecordEncoder}). Nothing is allocated and
 * nothing blocks: when the ring is full (or the journal closed) a method returns false and counts a
 * dropped record. Strings are capped at 1024 UTF-8 bytes; null strings are written as "".
 *
 * <p>Not thread-safe: one per producer thread (event loop); many proxies share one ring buffer.
 */
public final class JournalProxy
{
    private final JournalRecordEncoder encoder;
    /** Null when search text is journaled in clear. */
    private final SearchTextHasher searchTextHasher;

    JournalProxy(final RingBuffer ring, final Metrics metrics, final AtomicBoolean closed, final SearchTextHasher searchTextHasher)
    {
        this.encoder = new JournalRecordEncoder(ring, metrics, closed);
        this.searchTextHasher = searchTextHasher;
    }

    /** The first {@code contextStrings} of {@code contextKeysAndValues} follow the site: key, value, key, value... */
    public boolean sessionStart(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final boolean resumed,
        final CharSequence site, final CharSequence[] contextKeysAndValues, final int contextStrings)
    {
        int length = HEADER_LENGTH + sizeOf(site);
        for (int i = 0; i < contextStrings; i++)
        {
            length += sizeOf(contextKeysAndValues[i]);
        }
        if (!encoder.begin(JournalRecordType.SESSION_START, length, 1 + contextStrings, timeMs, sidHi, sidLo, catalogVersion, 0, 0,
            resumed ? 1 : 0))
        {
            return false;
        }
        encoder.putString(site);
        for (int i = 0; i < contextStrings; i++)
        {
            encoder.putString(contextKeysAndValues[i]);
        }
        return encoder.commit();
    }

    /** {@code searchQuery} is null when the signal has none; otherwise it is journaled in clear or as length and keyed hash. */
    public boolean signal(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final String triggerId,
        final DetectorKind detector, final Verdict verdict, final int iid, final String questionId, final CharSequence searchQuery)
    {
        final CharSequence query = searchQuery == null || searchTextHasher == null ? searchQuery : searchTextHasher.hide(searchQuery);
        final int length = HEADER_LENGTH + sizeOf(triggerId) + sizeOf(detector.catalogName()) + sizeOf(verdict.reason()) +
            sizeOf(questionId) + (query == null ? 0 : sizeOf(query));
        if (!encoder.begin(JournalRecordType.SIGNAL, length, query == null ? 4 : 5, timeMs, sidHi, sidLo, catalogVersion,
            detector.ordinal(), iid, verdict.ordinal()))
        {
            return false;
        }
        encoder.putString(triggerId);
        encoder.putString(detector.catalogName());
        encoder.putString(verdict.reason());
        encoder.putString(questionId);
        if (query != null)
        {
            encoder.putString(query);
        }
        return encoder.commit();
    }

    /** A null {@code segmentId} (no segment) is written as "". */
    public boolean questionShown(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String triggerId, final String questionId, final String variantId, final String segmentId, final String pageKind)
    {
        final int length = HEADER_LENGTH + sizeOf(triggerId) + sizeOf(questionId) + sizeOf(variantId) + sizeOf(segmentId) + sizeOf(pageKind);
        if (!encoder.begin(JournalRecordType.QUESTION_SHOWN, length, 5, timeMs, sidHi, sidLo, catalogVersion, 0, iid, 0))
        {
            return false;
        }
        encoder.putString(triggerId);
        encoder.putString(questionId);
        encoder.putString(variantId);
        encoder.putString(segmentId);
        encoder.putString(pageKind);
        return encoder.commit();
    }

    /** A question recorded as shown was withdrawn before it was sent (see {@link JournalRecordType#QUESTION_UNSEEN}). */
    public boolean questionUnseen(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String questionId)
    {
        if (!encoder.begin(JournalRecordType.QUESTION_UNSEEN, HEADER_LENGTH + sizeOf(questionId), 1, timeMs, sidHi, sidLo, catalogVersion,
            0, iid, 0))
        {
            return false;
        }
        encoder.putString(questionId);
        return encoder.commit();
    }

    public boolean answer(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String questionId, final String choiceId)
    {
        final int length = HEADER_LENGTH + sizeOf(questionId) + sizeOf(choiceId);
        if (!encoder.begin(JournalRecordType.ANSWER, length, 2, timeMs, sidHi, sidLo, catalogVersion, 0, iid, 0))
        {
            return false;
        }
        encoder.putString(questionId);
        encoder.putString(choiceId);
        return encoder.commit();
    }

    public boolean dismiss(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String questionId)
    {
        if (!encoder.begin(JournalRecordType.DISMISS, HEADER_LENGTH + sizeOf(questionId), 1, timeMs, sidHi, sidLo, catalogVersion, 0, iid, 0))
        {
            return false;
        }
        encoder.putString(questionId);
        return encoder.commit();
    }

    public boolean responseShown(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String questionId, final String choiceId, final String responseId, final String segmentId)
    {
        final int length = HEADER_LENGTH + sizeOf(questionId) + sizeOf(choiceId) + sizeOf(responseId) + sizeOf(segmentId);
        if (!encoder.begin(JournalRecordType.RESPONSE_SHOWN, length, 4, timeMs, sidHi, sidLo, catalogVersion, 0, iid, 0))
        {
            return false;
        }
        encoder.putString(questionId);
        encoder.putString(choiceId);
        encoder.putString(responseId);
        encoder.putString(segmentId);
        return encoder.commit();
    }

    /** No session (sid 0); {@code versionHash} goes in the catalogVersion field and, as 16 hex digits, in "hash". */
    public boolean catalogReload(final long timeMs, final boolean ok, final String version, final long versionHash, final String source,
        final int errorCount)
    {
        final int length = HEADER_LENGTH + sizeOf(version) + JournalRecordEncoder.sizeOfHex() + sizeOf(source);
        if (!encoder.begin(JournalRecordType.CATALOG_RELOAD, length, 3, timeMs, 0, 0, versionHash, errorCount, 0, ok ? 1 : 0))
        {
            return false;
        }
        encoder.putString(version);
        encoder.putHex(versionHash);
        encoder.putString(source);
        return encoder.commit();
    }

    public boolean sessionEnd(final long timeMs, final long sidHi, final long sidLo, final SessionEndReason reason)
    {
        return encoder.begin(JournalRecordType.SESSION_END, HEADER_LENGTH, 0, timeMs, sidHi, sidLo, 0, 0, 0, reason.ordinal()) &&
            encoder.commit();
    }

    /**
     * An outcome window closed. {@code durationMs}: from its opening to now (for forward, the time it
     * took); a null {@code choiceId} or {@code responseId} (nothing answered) is written as "".
     */
    public boolean outcome(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final OutcomeKind outcome,
        final OutcomeGroup group, final int iid, final long durationMs, final String triggerId, final String questionId,
        final String variantId, final String choiceId, final String responseId, final String stuckKind)
    {
        final int length = HEADER_LENGTH + sizeOf(outcome.wireName()) + sizeOf(group.wireName()) + sizeOf(triggerId) +
            sizeOf(questionId) + sizeOf(variantId) + sizeOf(choiceId) + sizeOf(responseId) + sizeOf(stuckKind);
        if (!encoder.begin(JournalRecordType.OUTCOME, length, 8, timeMs, sidHi, sidLo, catalogVersion, durationMs, iid, outcome.ordinal()))
        {
            return false;
        }
        encoder.putString(outcome.wireName());
        encoder.putString(group.wireName());
        encoder.putString(triggerId);
        encoder.putString(questionId);
        encoder.putString(variantId);
        encoder.putString(choiceId);
        encoder.putString(responseId);
        encoder.putString(stuckKind);
        return encoder.commit();
    }

    /**
     * A raw event for replay: its kind and seq, then {@code pairStrings} strings of {@code pairs}
     * (name, value, name, value...). A field named "q" is search text: in clear or hidden, as for signals.
     */
    public boolean rawEvent(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final RawEventKind kind,
        final long seq, final int iid, final CharSequence[] pairs, final int pairStrings)
    {
        int length = HEADER_LENGTH + sizeOf(kind.wireName());
        for (int i = 0; i < pairStrings; i++)
        {
            length += sizeOf(visible(pairs, i));
        }
        if (!encoder.begin(JournalRecordType.RAW_EVENT, length, 1 + pairStrings, timeMs, sidHi, sidLo, catalogVersion, seq, iid,
            kind.ordinal()))
        {
            return false;
        }
        encoder.putString(kind.wireName());
        for (int i = 0; i < pairStrings; i++)
        {
            encoder.putString(visible(pairs, i));
        }
        return encoder.commit();
    }

    /** The value to journal for string {@code i} of raw-event pairs: search text ("q") hidden unless in clear. */
    private CharSequence visible(final CharSequence[] pairs, final int i)
    {
        final CharSequence value = pairs[i];
        if (searchTextHasher == null || i % 2 == 0 || value == null || !isQueryName(pairs[i - 1]))
        {
            return value;
        }
        return searchTextHasher.hide(value);
    }

    private static boolean isQueryName(final CharSequence name)
    {
        return name != null && name.length() == 1 && name.charAt(0) == 'q';
    }

    /**
     * Starts a message: the records written until {@link #endMessage()} are published together or
     * not at all, each carrying {@code seq}, the client message's (0: none, such as a hello or a timer). A caller that changes state for the message does so only if {@code endMessage} is
     * true, and otherwise puts the state back (the message is not handled).
     */
    public void beginMessage(final long seq)
    {
        encoder.beginMessage(seq);
    }

    /** Publishes every record since {@link #beginMessage()}; false, and none of them journaled, if any could not be taken. */
    public boolean endMessage()
    {
        return encoder.endMessage();
    }

    /**
     * Inside a message: a mark for the next record, so it can be written ahead of records that depend
     * on whether it is needed, and taken back with {@link #retract} if it is not.
     */
    public int mark()
    {
        return encoder.heldMark();
    }

    /** Inside a message: takes back the record written at {@code mark}. */
    public void retract(final int mark)
    {
        encoder.retract(mark);
    }

    /** How many records the last message that ended published (0: it made none, so nothing of it waits for the disk). */
    public int lastMessageRecords()
    {
        return encoder.lastMessageRecords();
    }

    /** Drops every record since {@link #beginMessage()} (a message that failed half way). */
    public void abortMessage()
    {
        encoder.abortMessage();
    }

    /**
     * The ring buffer's producer position read just after this proxy's last committed record: the
     * record is in the segment file once {@link Journal#writtenPosition()} reaches it.
     */
    public long lastPosition()
    {
        return encoder.lastPosition();
    }
}
