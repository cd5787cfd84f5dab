package dev.pulse.server.outcome;

import dev.pulse.catalog.CompiledCatalog;

/**
 * Which catalog applies: the current one for new events, and the one a question was asked under
 * for its answer and its outcome (the live server keeps the last few versions; a replay has one).
 */
public interface CatalogVersions
{
    CompiledCatalog current();

    /** The catalog of this version hash if it is still known, else the current one. */
    CompiledCatalog byVersionHash(long versionHash);
}
