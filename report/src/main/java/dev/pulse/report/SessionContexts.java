package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;

import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.SessionEndReason;

/**
 * The context each session alive sent in its first hello (SESSION_START's key/value pairs), for the keys
 * the report breaks down by: {@code device} first, then those the catalog versions name (learned as
 * sessions start under them), at most {@link #MAX_KEYS}. Each session keeps one primitive long, a
 * byte per key holding the value's {@link CellNames} number; it is forgotten when the session
 * expires (after its exited windows: the server journals those first), as {@link SessionVisitors}
 * does. A session never seen starting, and a key its hello did not send, are {@link CellNames#NOT_SET}.
 * Not thread-safe.
 */
final class SessionContexts
{
    /** The key the snippet sends the device class under (mobile, tablet, desktop). */
    static final String DEVICE = "device";
    /** Keys broken down by: 8 bits each, and the top byte left for the page kind ({@link BreakdownTally}). */
    static final int MAX_KEYS = 7;
    /** Values per key with a cell of their own; more are {@link CellNames#OTHER}. Below 127 so a byte never has its top bit. */
    static final int MAX_VALUES = 24;
    private static final long UNKNOWN_SESSION = -1;

    private final LongFunction<List<String>> keysOfVersion;
    private final LongHashSet versionsLearned = new LongHashSet();
    private final List<String> keys = new ArrayList<>(List.of(DEVICE));
    private final List<CellNames> values = new ArrayList<>(List.of(new CellNames(MAX_VALUES)));
    private final Long2LongHashMap valuesBySession = new Long2LongHashMap(UNKNOWN_SESSION);

    /** @param keysOfVersion the context keys a catalog version names (none when its copy cannot be read). */
    SessionContexts(final LongFunction<List<String>> keysOfVersion)
    {
        this.keysOfVersion = keysOfVersion;
    }

    void onSessionStart(final JournalRecordFlyweight record)
    {
        learn(record.catalogVersion());
        final long session = Records.session(record);
        if (record.code() != 0 && valuesBySession.containsKey(session))
        {
            // A resumed or carried session (a page load, a move to another node) keeps the context its first hello sent: decoding every page's pairs again
            // cost a quarter of the report's speed, and a page's context rarely changes within a session.
            return;
        }
        long packed = 0;
        // Strings: the site, then key, value, key, value...
        for (int i = 1; i + 1 < record.stringCount(); i += 2)
        {
            final int key = keys.indexOf(record.string(i));
            if (key >= 0)
            {
                packed = (packed & ~(0xFFL << (8 * key))) | ((long)values.get(key).index(record.string(i + 1)) << (8 * key));
            }
        }
        valuesBySession.put(session, packed);
    }

    void onSessionEnd(final JournalRecordFlyweight record)
    {
        // A replaced session goes on under the new connection (whose hello starts it again); only expiry ends it.
        if (record.code() == SessionEndReason.EXPIRED.ordinal())
        {
            valuesBySession.remove(Records.session(record));
        }
    }

    /** The record's session's values, a byte per key (0, {@link CellNames#NOT_SET_INDEX}, for every key of an unknown session). */
    long values(final JournalRecordFlyweight record)
    {
        final long packed = valuesBySession.get(Records.session(record));
        return packed == UNKNOWN_SESSION ? 0 : packed;
    }

    /** The keys broken down by, in order: device first. */
    List<String> keys()
    {
        return keys;
    }

    /** The value numbered {@code index} of key number {@code key}. */
    String value(final int key, final int index)
    {
        return values.get(key).name(index);
    }

    /** Key number {@code key}'s value number in a packed session's values. */
    static int valueIndex(final long packed, final int key)
    {
        return (int)((packed >>> (8 * key)) & 0xFF);
    }

    private void learn(final long versionHash)
    {
        if (!versionsLearned.add(versionHash))
        {
            return;
        }
        for (final String key : keysOfVersion.apply(versionHash))
        {
            if (keys.size() < MAX_KEYS && !keys.contains(key))
            {
                keys.add(key);
                values.add(new CellNames(MAX_VALUES));
            }
        }
    }
}
