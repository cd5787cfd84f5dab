package dev.pulse.catalog;

import java.io.IOException;
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

import dev.pulse.catalog.source.Location;

/**
 * The catalog being served, and its reloads. A reload compiles the new file completely before
 * one atomic swap, so a reader sees the old catalog or the new one, never a mix; a file that fails
 * validation is rejected with its errors and the old catalog keeps serving. The last few versions
 * stay reachable by their hash, so a session whose question was asked under an older version
 * keeps that version's routing.
 *
 * <p>Readers call {@link #current()} (a volatile read, no lock). Reloads are serialised.
 */
public final class LiveCatalog implements AutoCloseable
{
    /** How many earlier versions stay reachable for sessions with a question from them. */
    public static final int VERSIONS_KEPT = 8;

    private final CatalogLoader loader;
    private final Path file;
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
        this.loader = Objects.requireNonNull(loader, "loader");
        this.file = file;
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

    /** The catalog of that version hash if it is still kept, else the current one. */
    public CompiledCatalog byVersionHash(final long versionHash)
    {
        for (final CompiledCatalog catalog : recent)
        {
            if (catalog.versionHash() == versionHash)
            {
                return catalog;
            }
        }
        return current;
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
