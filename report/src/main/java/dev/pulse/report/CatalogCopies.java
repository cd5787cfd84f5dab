package dev.pulse.report;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.pulse.catalog.CatalogArchive;
import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;

/**
 * Reads catalog versions back from the archive the server kept, for what the report needs of them
 * (each version's window policy, the context keys it names): each version is read and compiled once
 * per report, whoever asks first. Not thread-safe; one per report.
 */
final class CatalogCopies
{
    private final List<CatalogArchive> archives;
    private final Map<Long, Optional<CompiledCatalog>> byVersion = new HashMap<>();

    /** @param archive where the server kept every catalog version; or null (then no version has a copy). */
    CatalogCopies(final CatalogArchive archive)
    {
        this(archive == null ? List.of() : List.of(archive));
    }

    /**
     * Several nodes' archives (a cluster's report): a version is read from the first that has it.
     * Versions are named by their content's hash, so any node's copy of a version is the same text.
     */
    CatalogCopies(final List<CatalogArchive> archives)
    {
        this.archives = List.copyOf(archives);
    }

    /** The archive holding the version's copy, or null when none does. */
    CatalogArchive archiveOf(final long versionHash)
    {
        for (final CatalogArchive archive : archives)
        {
            if (archive.has(versionHash))
            {
                return archive;
            }
        }
        return null;
    }

    /** The version compiled from its copy, or null when there is no archive, no copy, or the copy does not load. */
    CompiledCatalog compiled(final long versionHash)
    {
        return byVersion.computeIfAbsent(versionHash, this::load).orElse(null);
    }

    /** The context keys the version names ({@link CompiledCatalog#contextKeys()}); none when its copy cannot be read. */
    List<String> contextKeys(final long versionHash)
    {
        final CompiledCatalog catalog = compiled(versionHash);
        return catalog == null ? List.of() : catalog.contextKeys();
    }

    private Optional<CompiledCatalog> load(final long versionHash)
    {
        final CatalogArchive archive = archiveOf(versionHash);
        if (archive == null)
        {
            return Optional.empty();
        }
        try
        {
            final String text = archive.read(versionHash);
            final LoadResult result = text == null ? null : new CatalogLoader().load(CatalogArchive.fileName(versionHash), text);
            return result == null || !result.ok() ? Optional.empty() : Optional.of(result.catalog());
        }
        catch (final IOException ex)
        {
            // An unreadable copy is no copy: the caller falls back and the report says so.
            return Optional.empty();
        }
    }
}
