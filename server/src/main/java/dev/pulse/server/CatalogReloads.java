package dev.pulse.server;

import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.catalog.CatalogArchive;
import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.journal.JournalProxy;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.timer.PulseClock;

/**
 * What follows each load of the catalog, the first at start-up and every reload (the admin route's
 * or the file watcher's): a journal record of the version tried and whether it serves, the reload
 * metric, and a log line. A rejected reload leaves the previous catalog serving.
 */
final class CatalogReloads
{
    /** Under the server's name, as before this class was split from it: log filters select it there. */
    private static final Logger LOG = LoggerFactory.getLogger(PulseServer.class);

    private final LiveCatalog catalog;
    private final Metrics metrics;
    /** Shared by the admin route's thread and the watcher's: writes are serialised on it. */
    private final JournalProxy controlJournal;
    private final PulseClock clock;

    CatalogReloads(final LiveCatalog catalog, final Metrics metrics, final JournalProxy controlJournal, final PulseClock clock)
    {
        this.catalog = catalog;
        this.metrics = metrics;
        this.controlJournal = controlJournal;
        this.clock = clock;
    }

    /** The live catalog, its first version's copy kept in the data directory before it serves. */
    static LiveCatalog open(final CatalogLoader loader, final CompiledCatalog initial, final Path file, final CatalogArchive archive)
        throws StartupException
    {
        try
        {
            return new LiveCatalog(loader, initial, file, archive);
        }
        catch (final UncheckedIOException ex)
        {
            throw new StartupException(ex.getMessage() + " (every catalog version that serves is kept there)");
        }
    }

    /** Reloads the catalog file: the old catalog keeps serving if the new one has errors. */
    LoadResult reload()
    {
        final LoadResult result = catalog.reload();
        onReloaded(result);
        return result;
    }

    /** After a reload, by this class or by the catalog's file watcher. */
    void onReloaded(final LoadResult result)
    {
        metrics.catalogReload(result.ok());
        record(result);
        if (result.ok())
        {
            LOG.info("catalog reloaded: version {}, hash {}", result.catalog().version(), result.catalog().versionHashHex());
        }
        else
        {
            LOG.warn("catalog reload rejected; the previous catalog keeps serving:\n{}", result.report());
        }
    }

    /** Journals a load: its version and hash (or the file, when it did not compile) and how many errors it had. */
    void record(final LoadResult result)
    {
        final CompiledCatalog loaded = result.catalog();
        synchronized (controlJournal)
        {
            controlJournal.catalogReload(clock.wallMs(), result.ok(), loaded == null ? "" : loaded.version(),
                loaded == null ? 0 : loaded.versionHash(), loaded == null ? String.valueOf(catalog.file()) : loaded.sourceName(),
                result.errors().size());
        }
    }
}
