package dev.pulse.report;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

import dev.pulse.catalog.CatalogArchive;
import dev.pulse.catalog.compile.CompiledCatalog;

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
        // No archive, no copy or an unreadable one: the defaults, and the report says the policy was not known.
        final CompiledCatalog catalog = CatalogCopies.compiled(archive, versionHash);
        return catalog == null ? WindowPolicy.DEFAULTS : WindowPolicy.of(catalog);
    }
}
