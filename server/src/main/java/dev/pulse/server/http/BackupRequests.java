package dev.pulse.server.http;

import java.util.function.Consumer;

/**
 * What the backup route ({@link BackupRoute}) asks of the server: a backup of the data directory,
 * taken on a thread of its own (it copies the whole journal) and one at a time.
 */
public interface BackupRequests
{
    /** How a backup request ended; {@link BackupRoute} gives each its HTTP status. */
    enum Status
    {
        /** 200: written; the body is its description as JSON. */
        DONE,
        /** 503 with Retry-After: one is being taken; one runs at a time. */
        BUSY,
        /** 503: the server is stopping. */
        STOPPING,
        /** 507: the disk cannot take it; nothing was written. */
        NO_SPACE,
        /** 500: it failed (a damaged journal segment, a full disk...); nothing was left behind. */
        FAILED
    }

    /** A backup's outcome: its status and the body to answer with (JSON when done, else the reason in words). */
    record Result(Status status, String body)
    {
    }

    /** None: backups are not available (routes without a server behind them). */
    BackupRequests NONE = done -> new Result(Status.STOPPING, "backups are not available here");

    /**
     * Starts a backup on the backup thread, which hands its result to {@code done}; returns null then.
     * Returns the refusal instead ({@link Status#BUSY}, {@link Status#STOPPING}) when none can start now.
     */
    Result start(Consumer<Result> done);
}
