package dev.pulse.server.http;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes outcome reports one at a time, on a thread of their own. A report reads the whole journal:
 * on the shared blocking executor it would hold up a catalog reload behind it, and run unbounded
 * it would let a refreshing dashboard read the journal twenty times over. A request that arrives
 * while a report is being made is refused (503) rather than queued.
 */
public final class ReportWorker implements AutoCloseable
{
    private final Path journalDir;
    private final Executor executor;
    private final Runnable shutdown;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * @param executor runs each report; tests pass one they drive by hand.
     * @param shutdown stops the executor when the worker closes.
     */
    public ReportWorker(final Path journalDir, final Executor executor, final Runnable shutdown)
    {
        this.journalDir = Objects.requireNonNull(journalDir, "journalDir");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.shutdown = Objects.requireNonNull(shutdown, "shutdown");
    }

    /** A worker with a daemon thread of its own, {@code pulse-report}. */
    public static ReportWorker onOwnThread(final Path journalDir)
    {
        final ExecutorService thread = Executors.newSingleThreadExecutor(task ->
        {
            final Thread reportThread = new Thread(task, "pulse-report");
            reportThread.setDaemon(true);
            return reportThread;
        });
        return new ReportWorker(journalDir, thread, thread::shutdownNow);
    }

    /** The journal the reports read. */
    public Path journalDir()
    {
        return journalDir;
    }

    /** Whether the server is stopping and takes no more reports. */
    boolean closed()
    {
        return closed;
    }

    /** Starts the report unless one is already being made or the worker is closed; false then. */
    boolean tryStart(final Runnable report)
    {
        if (closed || !busy.compareAndSet(false, true))
        {
            return false;
        }
        try
        {
            executor.execute(() ->
            {
                try
                {
                    report.run();
                }
                finally
                {
                    busy.set(false);
                }
            });
            return true;
        }
        catch (final RejectedExecutionException ex)
        {
            busy.set(false);
            return false;
        }
    }

    /** Stops taking reports; one being made is interrupted (its connection is closing anyway). */
    @Override
    public void close()
    {
        closed = true;
        shutdown.run();
    }
}
