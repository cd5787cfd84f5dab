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
}
