package dev.pulse.report;

import java.io.IOException;
import java.util.List;

import dev.pulse.catalog.CatalogArchive;
import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;

/** Reads a catalog version back from the archive the server kept, for what the report needs of it. Stateless. */
final class CatalogCopies
{
    private CatalogCopies()
    {
    }

    /** The version compiled from its copy, or null when there is no archive, no copy, or the copy does not load. */
    static CompiledCatalog compiled(final CatalogArchive archive, final long versionHash)
    {
        if (archive == null || !archive.has(versionHash))
        {
            return null;
        }
        try
        {
            final String text = archive.read(versionHash);
            final LoadResult result = text == null ? null : new CatalogLoader().load(CatalogArchive.fileName(versionHash), text);
            return result == null || !result.ok() ? null : result.catalog();
        }
        catch (final IOException ex)
        {
            // An unreadable copy is no copy: the caller falls back and the report says so.
            return null;
        }
    }

    /** The context keys the version names ({@link CompiledCatalog#contextKeys()}); none when its copy cannot be read. */
    static List<String> contextKeys(final CatalogArchive archive, final long versionHash)
    {
        final CompiledCatalog catalog = compiled(archive, versionHash);
        return catalog == null ? List.of() : catalog.contextKeys();
    }
}
