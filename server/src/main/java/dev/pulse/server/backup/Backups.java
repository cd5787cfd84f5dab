package dev.pulse.server.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.server.http.BackupRequests;
import dev.pulse.server.session.SessionStore;

/**
 * Backups on demand ({@code POST /admin/backup}), one at a time on a thread of their own,
 * {@code pulse-backup}: a backup reads the whole journal, which must hold up neither an event loop
 * nor the shared blocking executor (catalog reloads, erasures). A request while one is being taken is
 * refused, not queued.
 *
 * <p>The server's stop must not unmap the session map while a backup copies it: {@link #stop} marks
 * the stop (a copy not yet begun never begins; one under way stops at its next segment) and waits
 * for the copy to let go of the map.
 */
public final class Backups implements BackupRequests
{
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    private final BackupMaker maker;
    private final ExecutorService thread;
    private final AtomicBoolean busy = new AtomicBoolean();
    /** Held while the session map is copied: the stop takes it to know the copy has let go. */
    private final ReentrantLock mapCopy = new ReentrantLock();
    private volatile boolean stopping;

    /**
     * @param spareBytes free space a backup must leave for the journal (its segment size).
     */
    public Backups(final Path dataDir, final SessionStore sessions, final String pulseVersion, final long spareBytes, final LongSupplier wallMs)
    {
        this.maker = new BackupMaker(dataDir, file -> copySessions(sessions, file), pulseVersion, spareBytes, wallMs);
        this.thread = Executors.newSingleThreadExecutor(task ->
        {
            final Thread backupThread = new Thread(task, "pulse-backup");
            backupThread.setDaemon(true);
            return backupThread;
        });
    }

    @Override
    public Result start(final Consumer<Result> done)
    {
        if (stopping)
        {
            return new Result(Status.STOPPING, "the server is stopping");
        }
        if (!busy.compareAndSet(false, true))
        {
            return new Result(Status.BUSY, "a backup is being taken; one runs at a time, try again when it is done");
        }
        try
        {
            thread.execute(() ->
            {
                try
                {
                    done.accept(takeNow());
                }
                finally
                {
                    busy.set(false);
                }
            });
            return null;
        }
        catch (final RejectedExecutionException ex)
        {
            busy.set(false);
            return new Result(Status.STOPPING, "the server is stopping");
        }
    }

    /** Takes a backup on the calling thread. */
    Result takeNow()
    {
        try
        {
            final BackupInfo info = maker.make(() -> stopping);
            final Path path = maker.pathOf(info.name());
            LOG.info("backup written to {}: {} sessions, {} journal segments ({} bytes, {} records) up to segment {} byte {}, in {} ms", path,
                info.sessions(), info.journalSegments(), info.journalBytes(), info.journalRecords(), info.journalLastSegment(),
                info.journalLastSegmentBytes(), info.tookMs());
            return new Result(Status.DONE, info.toJson(path));
        }
        catch (final BackupMaker.NotEnoughSpaceException ex)
        {
            LOG.warn("backup refused: {}", ex.getMessage());
            return new Result(Status.NO_SPACE, ex.getMessage());
        }
        catch (final IOException ex)
        {
            LOG.error("backup failed, nothing kept: {}", ex.toString());
            return new Result(Status.FAILED, "the backup failed, nothing was kept: " + ex.getMessage());
        }
        catch (final RuntimeException ex)
        {
            LOG.error("backup failed, nothing kept", ex);
            return new Result(Status.FAILED, "the backup failed, nothing was kept: " + ex);
        }
    }

    private long copySessions(final SessionStore sessions, final Path file) throws IOException
    {
        mapCopy.lock();
        try
        {
            if (stopping)
            {
                throw new IOException("the backup was cancelled: the server is stopping");
            }
            return sessions.copyTo(file, () -> stopping);
        }
        finally
        {
            mapCopy.unlock();
        }
    }

    /**
     * Refuses new backups and stops one under way; returns once it no longer reads the session map
     * (true), or after {@code timeoutMs} if it still does (false: the map must not be closed).
     */
    public boolean stop(final long timeoutMs)
    {
        stopping = true;
        // No interrupt: it would close the channels the copy reads mid-call; the copy checks stopping between its steps.
        thread.shutdown();
        try
        {
            if (mapCopy.tryLock(timeoutMs, TimeUnit.MILLISECONDS))
            {
                mapCopy.unlock();
                return true;
            }
            return false;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
