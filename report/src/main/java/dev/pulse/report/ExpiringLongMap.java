package dev.pulse.report;

import org.agrona.collections.Long2LongHashMap;

/**
 * A primitive map whose entries are forgotten once they are older than a horizon of journal time:
 * marks that wait for a record that normally follows within minutes (a withdrawn question's outcome,
 * a deferred signal's decision) and may never come (a crash in between). Two generations: the young
 * one takes new entries; every horizon the old one is handed to {@code expired} and dropped, and the
 * young one becomes old. An entry lives at least one horizon and at most two (plus the gap between
 * records), so the map holds about two horizons of entries, whatever the journal's length.
 * Not thread-safe.
 */
final class ExpiringLongMap
{
    /** Told of each entry that expired: its key and value. */
    @FunctionalInterface
    interface Expired
    {
        void onExpired(long key, long value);
    }

    private final long missingValue;
    private Long2LongHashMap young;
    private Long2LongHashMap old;
    private long rotatedAtMs = Long.MIN_VALUE;

    /** @param missingValue what {@link #remove} returns for an absent key; never stored. */
    ExpiringLongMap(final long missingValue)
    {
        this.missingValue = missingValue;
        this.young = new Long2LongHashMap(missingValue);
        this.old = new Long2LongHashMap(missingValue);
    }

    void put(final long key, final long value)
    {
        old.remove(key);
        young.put(key, value);
    }

    /** The entry's value, removed; the missing value if absent. */
    long remove(final long key)
    {
        final long value = young.remove(key);
        return value != missingValue ? value : old.remove(key);
    }

    /** Expires the old generation when a horizon has passed since the last rotation (journal time, read once per record). */
    void advance(final long nowMs, final long horizonMs, final Expired expired)
    {
        if (rotatedAtMs == Long.MIN_VALUE)
        {
            rotatedAtMs = nowMs;
        }
        if (nowMs - rotatedAtMs < horizonMs)
        {
            return;
        }
        old.forEachLong(expired::onExpired);
        old.clear();
        final Long2LongHashMap emptied = old;
        old = young;
        young = emptied;
        rotatedAtMs = nowMs;
    }

    /** Every entry, young and old (the end of the pass). */
    void forEach(final Expired each)
    {
        young.forEachLong(each::onExpired);
        old.forEachLong(each::onExpired);
    }

    int size()
    {
        return young.size() + old.size();
    }
}
