package dev.pulse.server.decide;

import dev.pulse.catalog.compile.CompiledCatalog;

/**
 * The catalog a question was asked under, for its answer and its outcome (the live server keeps
 * every version that served; a replay has one). The catalog of a new event is not here: the
 * caller reads the live catalog once per event and passes it to the {@link SessionMachine}.
 */
public interface CatalogVersions
{
    /** The catalog of this version hash if it is still known, else the current one. */
    CompiledCatalog byVersionHash(long versionHash);

    /**
     * The catalog of this version hash if it is still known, else {@code eventCatalog}, the one the
     * caller read for the event being judged: a version no longer kept never makes the event read
     * the live catalog a second time (a reload since could hand it another version).
     */
    default CompiledCatalog byVersionHash(final long versionHash, final CompiledCatalog eventCatalog)
    {
        final CompiledCatalog found = byVersionHash(versionHash);
        return found.versionHash() == versionHash ? found : eventCatalog;
    }
}
