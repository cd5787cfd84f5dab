package dev.pulse.server.decide;

import dev.pulse.catalog.LiveCatalog;
import dev.pulse.catalog.compile.CompiledCatalog;

/** The live server's catalog versions, for questions already asked and windows already open. */
public final class LiveCatalogVersions implements CatalogVersions
{
    private final LiveCatalog live;

    public LiveCatalogVersions(final LiveCatalog live)
    {
        this.live = live;
    }

    @Override
    public CompiledCatalog byVersionHash(final long versionHash)
    {
        return live.byVersionHash(versionHash);
    }
}
