package dev.pulse.journal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.concurrent.ringbuffer.RingBuffer;


/**
 * One producer thread's way into the journal. {@link #record} starts any record with the reused
 * fluent {@link JournalRecordEncoder}; the methods below are the records the session code writes
 * outside the decision log (see {@link JournalRecordType} for the meaning of code, value and strings
 * per type). Nothing is allocated and nothing blocks: when the ring is full (or the journal closed) a
 * record's commit returns false and counts a dropped record. Strings are capped at 1024 UTF-8 bytes;
 * null strings are written as "".
 *
 * <p>Not thread-safe: one per producer thread (event loop); many proxies share one ring buffer.
 */
public final class JournalProxy
{
    private final JournalRecordEncoder encoder;

    JournalProxy(final RingBuffer ring, final JournalMetrics metrics, final AtomicBoolean closed, final SearchTextHasher searchTextHasher)
    {
        this.encoder = new JournalRecordEncoder(ring, metrics, closed, searchTextHasher);
    }

    /** Starts a record of {@code type} in this proxy's reused encoder; finish it with {@link JournalRecordEncoder#commit()}. */
    public JournalRecordEncoder record(final JournalRecordType type)
    {
        return encoder.record(type);
    }

    /**
     * The first {@code contextStrings} of {@code contextKeysAndValues} follow the site: key, value, key, value...
     *
     * @param visitorHash the session's visitor (0: none known), in the record's value.
     */
    public boolean sessionStart(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final boolean resumed,
        final long visitorHash, final CharSequence site, final CharSequence[] contextKeysAndValues, final int contextStrings)
    {
        return sessionStart(timeMs, sidHi, sidLo, catalogVersion, resumed ? SessionStartKind.RESUMED : SessionStartKind.NEW, visitorHash,
            site, contextKeysAndValues, contextStrings);
    }

    /** As above, for a session started as {@code kind} says (its ordinal is the record's code). */
    public boolean sessionStart(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion,
        final SessionStartKind kind, final long visitorHash, final CharSequence site, final CharSequence[] contextKeysAndValues,
        final int contextStrings)
    {
        encoder.record(JournalRecordType.SESSION_START).timeMs(timeMs).sid(sidHi, sidLo).catalogVersion(catalogVersion)
            .code(kind.ordinal()).value(visitorHash).string(site);
        for (int i = 0; i < contextStrings; i++)
        {
            encoder.string(contextKeysAndValues[i]);
        }
        return encoder.commit();
    }

    /** A question recorded as shown was withdrawn before it was sent (see {@link JournalRecordType#QUESTION_UNSEEN}). */
    public boolean questionUnseen(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final int iid,
        final String questionId)
    {
        return encoder.record(JournalRecordType.QUESTION_UNSEEN).timeMs(timeMs).sid(sidHi, sidLo).catalogVersion(catalogVersion).iid(iid)
            .string(questionId).commit();
    }

    /** A session was erased (see {@link JournalRecordType#SESSION_ERASED}): who asked, and the session's visitor hash. */
    public boolean sessionErased(final long timeMs, final long sidHi, final long sidLo, final long visitorHash, final ErasureSource source)
    {
        return encoder.record(JournalRecordType.SESSION_ERASED).timeMs(timeMs).sid(sidHi, sidLo).value(visitorHash)
            .code(source.ordinal()).commit();
    }

    /** No session (sid 0); {@code versionHash} goes in the catalogVersion field and, as 16 hex digits, in "hash". */
    public boolean catalogReload(final long timeMs, final boolean ok, final String version, final long versionHash, final String source,
        final int errorCount)
    {
        return encoder.record(JournalRecordType.CATALOG_RELOAD).timeMs(timeMs).catalogVersion(versionHash).value(errorCount)
            .code(ok ? 1 : 0).string(version).hex(versionHash).string(source).commit();
    }

    public boolean sessionEnd(final long timeMs, final long sidHi, final long sidLo, final SessionEndReason reason)
    {
        return encoder.record(JournalRecordType.SESSION_END).timeMs(timeMs).sid(sidHi, sidLo).code(reason.ordinal()).commit();
    }

    /**
     * A raw event for replay: its kind and seq, then {@code pairStrings} strings of {@code pairs}
     * (name, value, name, value...). A field named "q" is search text: in clear or hidden, as for signals.
     */
    public boolean rawEvent(final long timeMs, final long sidHi, final long sidLo, final long catalogVersion, final RawEventKind kind,
        final long seq, final int iid, final CharSequence[] pairs, final int pairStrings)
    {
        encoder.record(JournalRecordType.RAW_EVENT).timeMs(timeMs).sid(sidHi, sidLo).catalogVersion(catalogVersion).value(seq).iid(iid)
            .code(kind.ordinal()).string(kind.wireName());
        for (int i = 0; i < pairStrings; i++)
        {
            if (i % 2 == 1 && isQueryName(pairs[i - 1]))
            {
                encoder.searchText(pairs[i]);
            }
            else
            {
                encoder.string(pairs[i]);
            }
        }
        return encoder.commit();
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
        encoder.message().begin(seq);
    }

    /** Publishes every record since {@link #beginMessage()}; false, and none of them journaled, if any could not be taken. */
    public boolean endMessage()
    {
        final int published = encoder.message().end();
        if (published > 0)
        {
            encoder.published();
        }
        return published >= 0;
    }

    /**
     * Inside a message: a mark for the next record, so it can be written ahead of records that depend
     * on whether it is needed, and taken back with {@link #retract} if it is not.
     */
    public int mark()
    {
        return encoder.message().mark();
    }

    /** Inside a message: takes back the record written at {@code mark}. */
    public void retract(final int mark)
    {
        encoder.message().retract(mark);
    }

    /** How many records the last message that ended published (0: it made none, so nothing of it waits for the disk). */
    public int lastMessageRecords()
    {
        return encoder.message().lastRecords();
    }

    /** Drops every record since {@link #beginMessage()} (a message that failed half way). */
    public void abortMessage()
    {
        encoder.message().abort();
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
