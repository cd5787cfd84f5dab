package dev.pulse.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.agrona.collections.LongHashSet;

import dev.pulse.catalog.source.Location;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.source.Diagnostic;
/**
 * The catalog being served, and its reloads. A reload compiles the new file completely before
 * one atomic swap, so a reader sees the old catalog or the new one, never a mix; a file that fails
 * validation is rejected with its errors and the old catalog keeps serving. Every version stays
 * reachable by its hash, so a session whose question was asked under an older version keeps that
 * version's routing: the last few in memory, and, with a {@link CatalogArchive}, every version that
 * ever served from its copy (written before the version serves, so it survives restarts), compiled
 * again the first time it is asked for and kept.
 *
 * <p>Readers call {@link #current()} (a volatile read, no lock). Reloads are serialised.
 */
public final class LiveCatalog implements AutoCloseable
{
    /** How many recent versions stay in memory; older ones are read again from their copies. */
    public static final int VERSIONS_KEPT = 8;
    /** How many versions read back from their copies stay compiled in memory at once. */
    static final int COPIES_KEPT = 32;
    /** Version hashes with no copy remembered, so an unknown hash costs one look at the disk. */
    private static final int MISSING_REMEMBERED = 1024;

    private static final Logger LOG = System.getLogger(LiveCatalog.class.getName());

    private final CatalogLoader loader;
    private final Path file;
    private final CatalogArchive archive;
    private final Object copiesLock = new Object();
    private final LongHashSet missing = new LongHashSet();
    private volatile CompiledCatalog[] fromCopies = new CompiledCatalog[0];
    private final Deque<CompiledCatalog> versions = new ArrayDeque<>();
    private volatile CompiledCatalog current;
    private volatile CompiledCatalog[] recent;
    private ScheduledExecutorService watcher;
    private FileTime lastSeenModified;
    private long lastSeenSize = -1;

    /**
     * @param initial the catalog to serve now.
     * @param file    the file reloads read, or null for a catalog with no file (the bundled demo).
     */
    public LiveCatalog(final CatalogLoader loader, final CompiledCatalog initial, final Path file)
    {
        this(loader, initial, file, null);
    }

    /**
     * A live catalog whose every version is kept in {@code archive}; the initial one is written there
     * before this returns.
     *
     * @param archive where copies are kept, or null to keep only the last {@link #VERSIONS_KEPT} in memory.
     * @throws UncheckedIOException if the initial version's copy cannot be written.
     */
    public LiveCatalog(final CatalogLoader loader, final CompiledCatalog initial, final Path file, final CatalogArchive archive)
    {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.file = file;
        this.archive = archive;
        if (archive != null)
        {
            try
            {
                archive.keep(initial);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot keep a copy of the catalog in " + archive.dir() + ": " + ex.getMessage(), ex);
            }
        }
        this.current = Objects.requireNonNull(initial, "initial");
        versions.addFirst(initial);
        this.recent = new CompiledCatalog[] {initial};
        rememberFileStamp();
    }

    /** The catalog to use for the next event. */
    public CompiledCatalog current()
    {
        return current;
    }

    /**
     * The catalog of that version hash: a recent one from memory (allocation-free), an older one read
     * again from its copy (once: it is then kept), or the current one when no copy of it exists.
     */
    public CompiledCatalog byVersionHash(final long versionHash)
    {
        final CompiledCatalog found = inMemory(versionHash);
        if (found != null)
        {
            return found;
        }
        final CompiledCatalog copy = archive == null || versionHash == 0 ? null : fromCopy(versionHash);
        return copy != null ? copy : current;
    }

    private CompiledCatalog inMemory(final long versionHash)
    {
        for (final CompiledCatalog catalog : recent)
        {
            if (catalog.versionHash() == versionHash)
            {
                return catalog;
            }
        }
        for (final CompiledCatalog catalog : fromCopies)
        {
            if (catalog.versionHash() == versionHash)
            {
                return catalog;
            }
        }
        return null;
    }

    /** The cold path: reads and compiles a version's copy, or remembers that there is none. */
    private CompiledCatalog fromCopy(final long versionHash)
    {
        synchronized (copiesLock)
        {
            final CompiledCatalog raced = inMemory(versionHash);
            if (raced != null || missing.contains(versionHash))
            {
                return raced;
            }
            final CompiledCatalog loaded = load(versionHash);
            if (loaded == null)
            {
                if (missing.size() >= MISSING_REMEMBERED)
                {
                    missing.clear();
                }
                missing.add(versionHash);
                return null;
            }
            final CompiledCatalog[] kept = fromCopies;
            final CompiledCatalog[] next = new CompiledCatalog[Math.min(kept.length + 1, COPIES_KEPT)];
            next[0] = loaded;
            System.arraycopy(kept, 0, next, 1, next.length - 1);
            fromCopies = next;
            return loaded;
        }
    }

    private CompiledCatalog load(final long versionHash)
    {
        try
        {
            final String text = archive.read(versionHash);
            if (text == null)
            {
                LOG.log(Logger.Level.WARNING, "no copy of catalog version {0} in {1}: its sessions use the current catalog",
                    String.format("%016x", versionHash), archive.dir());
                return null;
            }
            final LoadResult result = loader.load(archive.path(versionHash).toString(), text);
            if (!result.ok() || result.catalog().versionHash() != versionHash)
            {
                LOG.log(Logger.Level.WARNING, "the copy of catalog version {0} does not load as that version: {1}",
                    String.format("%016x", versionHash), result.ok() ? "its text has another hash" : result.report());
                return null;
            }
            return result.catalog();
        }
        catch (final IOException ex)
        {
            LOG.log(Logger.Level.WARNING, "cannot read the copy of catalog version " + String.format("%016x", versionHash), ex);
            return null;
        }
    }

    /** Where every version's copy is kept, or null. */
    public CatalogArchive archive()
    {
        return archive;
    }

    public Path file()
    {
        return file;
    }

    /** Loads the file again; on success it becomes current, on failure nothing changes. */
    public synchronized LoadResult reload()
    {
        if (file == null)
        {
            return swap(loader.loadDemo());
        }
        rememberFileStamp();
        return swap(loader.load(file));
    }

    private LoadResult swap(final LoadResult result)
    {
        if (result.ok())
        {
            final CompiledCatalog next = result.catalog();
            if (archive != null)
            {
                try
                {
                    archive.keep(next);
                }
                catch (final IOException ex)
                {
                    return new LoadResult(null, List.of(new Diagnostic(Diagnostic.Severity.ERROR, new Location(next.sourceName(), 1, 1),
                        "(file)", "cannot keep a copy of the new version in " + archive.dir() + ": " + ex.getMessage(),
                        "a version serves only once its copy is on disk; the old catalog keeps serving: check the data directory")));
                }
            }
            versions.removeIf(kept -> kept.versionHash() == next.versionHash());
            versions.addFirst(next);
            while (versions.size() > VERSIONS_KEPT)
            {
                versions.removeLast();
            }
            recent = versions.toArray(new CompiledCatalog[0]);
            current = next;
        }
        return result;
    }

    /**
     * Checks the file every {@code periodMs} and reloads when it changed, handing each result to
     * {@code onReload} (on the watcher thread).
     */
    public synchronized void watch(final long periodMs, final Consumer<LoadResult> onReload)
    {
        if (file == null || watcher != null)
        {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "pulse-catalog-watcher");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(() ->
        {
            try
            {
                if (changedOnDisk())
                {
                    onReload.accept(reload());
                }
            }
            catch (final RuntimeException ex)
            {
                onReload.accept(new LoadResult(null, List.of(new Diagnostic(Diagnostic.Severity.ERROR,
                    new Location(file.toString(), 1, 1), "(file)", "reload failed: " + ex, "the old catalog keeps serving; see the server log"))));
            }
        }, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    private synchronized boolean changedOnDisk()
    {
        try
        {
            final FileTime modified = Files.getLastModifiedTime(file);
            final long size = Files.size(file);
            return !modified.equals(lastSeenModified) || size != lastSeenSize;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private void rememberFileStamp()
    {
        if (file == null)
        {
            return;
        }
        try
        {
            lastSeenModified = Files.getLastModifiedTime(file);
            lastSeenSize = Files.size(file);
        }
        catch (final IOException ex)
        {
            lastSeenModified = null;
            lastSeenSize = -1;
        }
    }

    @Override
    public synchronized void close()
    {
        if (watcher != null)
        {
            watcher.shutdownNow();
            watcher = null;
        }
    }
}
