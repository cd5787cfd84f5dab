package dev.pulse.report;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

import dev.pulse.catalog.CatalogArchive;
import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;

/**
 * The {@link WindowPolicy} of each catalog version, compiled once from its copy in the catalog
 * archive; {@link WindowPolicy#DEFAULTS} when there is no archive or no readable copy (the report
 * then says so). Not thread-safe.
 */
final class WindowPolicies implements LongFunction<WindowPolicy>
{
    private final CatalogArchive archive;
    private final Map<Long, WindowPolicy> byVersion = new HashMap<>();

    WindowPolicies(final CatalogArchive archive)
    {
        this.archive = archive;
    }

    @Override
    public WindowPolicy apply(final long versionHash)
    {
        return byVersion.computeIfAbsent(versionHash, this::load);
    }

    private WindowPolicy load(final long versionHash)
    {
        if (archive == null || !archive.has(versionHash))
        {
            return WindowPolicy.DEFAULTS;
        }
        try
        {
            final String text = archive.read(versionHash);
            final LoadResult result = text == null ? null : new CatalogLoader().load(CatalogArchive.fileName(versionHash), text);
            return result == null || !result.ok() ? WindowPolicy.DEFAULTS : WindowPolicy.of(result.catalog());
        }
        catch (final IOException ex)
        {
            // An unreadable copy: the defaults, and the report says the policy was not known.
            return WindowPolicy.DEFAULTS;
        }
    }
}
