package dev.pulse.report;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

import dev.pulse.catalog.compile.CompiledCatalog;

/**
 * The {@link WindowPolicy} of each catalog version, compiled once from its copy in the catalog
 * archive; {@link WindowPolicy#DEFAULTS} when there is no archive or no readable copy (the report
 * then says so). Not thread-safe.
 */
final class WindowPolicies implements LongFunction<WindowPolicy>
{
    private final CatalogCopies copies;
    private final Map<Long, WindowPolicy> byVersion = new HashMap<>();

    WindowPolicies(final CatalogCopies copies)
    {
        this.copies = copies;
    }

    @Override
    public WindowPolicy apply(final long versionHash)
    {
        return byVersion.computeIfAbsent(versionHash, this::load);
    }

    private WindowPolicy load(final long versionHash)
    {
        // No archive, no copy or an unreadable one: the defaults, and the report says the policy was not known.
        final CompiledCatalog catalog = copies.compiled(versionHash);
        return catalog == null ? WindowPolicy.DEFAULTS : WindowPolicy.of(catalog);
    }
}
