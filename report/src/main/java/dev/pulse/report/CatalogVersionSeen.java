package dev.pulse.report;

/**
 * A catalog version that records in the range were made under.
 *
 * @param hash        the version hash (the records' catalogVersion).
 * @param version     the version's name from a CATALOG_RELOAD record anywhere in the journal, or "".
 * @param firstSeenMs the first record of the range under it.
 * @param lastSeenMs  the last record of the range under it.
 * @param windows     closed outcome windows opened under it.
 * @param copy        its text's copy in the data directory ({@code catalogs/<hash>.yaml}), or "" when there is none.
 */
public record CatalogVersionSeen(long hash, String version, long firstSeenMs, long lastSeenMs, long windows, String copy)
{
    /** The hash as the journal prints it: 16 hex digits. */
    public String hashHex()
    {
        return String.format("%016x", hash);
    }
}
