package dev.pulse.journal;

import java.util.function.LongSupplier;

/**
 * What the journal reports about itself, and where: the server's metrics implement it. An
 * interface here, so the journal depends on no other part of the server (its record format, writer
 * and reader can be used, and tested, on their own).
 */
public interface JournalMetrics
{
    /** A record found the ring full (or the journal closed) and was not taken. */
    void journalDropped();

    /** One force of a segment took this long. */
    void journalFsyncNanos(long nanos);

    /** A bug on the journal thread (not an I/O failure: those make the journal unhealthy). */
    void internalError();

    /** A value read when the metrics are scraped, exposed as a gauge. */
    void gauge(String name, String help, LongSupplier value);

    /** A monotonically growing value read when the metrics are scraped, exposed as a counter. */
    void counter(String name, String help, LongSupplier value);
}
