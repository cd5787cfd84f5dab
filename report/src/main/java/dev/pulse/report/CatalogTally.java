package dev.pulse.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.pulse.catalog.CatalogArchive;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;

/**
 * The catalog versions records in the range were made under, by version hash, named by the
 * CATALOG_RELOAD records anywhere in the journal (a version loaded before the range is still
 * named), each with its copy in the data directory's {@code catalogs/} when there is one. Not
 * thread-safe.
 */
final class CatalogTally
{
    private final CatalogCopies copies;
    private final Map<Long, String> nameByHash = new HashMap<>();
    private final Map<Long, long[]> seenByHash = new HashMap<>();

    /** @param copies where the server kept every catalog version (none when the report cannot see them). */
    CatalogTally(final CatalogCopies copies)
    {
        this.copies = copies;
    }

    /** Any CATALOG_RELOAD record, in the range or not: an accepted one names its hash. */
    void onReload(final JournalRecordFlyweight record)
    {
        if (record.code() == 1)
        {
            nameByHash.put(record.catalogVersion(), Records.text(record, "version"));
        }
    }

    /** A record in the range; sessionless records other than an accepted reload carry no version. */
    void onRecord(final JournalRecordFlyweight record)
    {
        final long hash = record.catalogVersion();
        final boolean versioned = record.type() == JournalRecordType.CATALOG_RELOAD ? record.code() == 1 : hash != 0;
        if (!versioned)
        {
            return;
        }
        final long[] seen = seenByHash.computeIfAbsent(hash, key -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
        seen[0] = Math.min(seen[0], record.timestampMs());
        seen[1] = Math.max(seen[1], record.timestampMs());
        if (record.type() == JournalRecordType.OUTCOME)
        {
            seen[2]++;
        }
    }

    /** The copy's path relative to the data directory, or "". */
    private String copy(final long hash)
    {
        return copies.archiveOf(hash) != null ? CatalogArchive.DIRECTORY + "/" + CatalogArchive.fileName(hash) : "";
    }

    /** The versions seen, in order of first use. */
    List<CatalogVersionSeen> versions()
    {
        final List<CatalogVersionSeen> versions = new ArrayList<>();
        seenByHash.forEach((hash, seen) ->
            versions.add(new CatalogVersionSeen(hash, nameByHash.getOrDefault(hash, ""), seen[0], seen[1], seen[2], copy(hash))));
        versions.sort(Comparator.comparingLong(CatalogVersionSeen::firstSeenMs).thenComparingLong(CatalogVersionSeen::hash));
        return List.copyOf(versions);
    }
}
