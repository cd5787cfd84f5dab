package dev.pulse.journal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The journal's metrics as its tests read them: each registered gauge or counter by name, and the
 * journal's own counts under the names the server's metrics give them
 * ({@code pulse_journal_dropped_records_total}, {@code pulse_internal_errors_total}). That the
 * server exports them with the right Prometheus types is tested on the server's {@code Metrics}.
 */
public final class RecordingJournalMetrics implements JournalMetrics
{
    /** How the journal registered a value. */
    public enum Kind { GAUGE, COUNTER }

    private record Registered(Kind kind, LongSupplier value)
    {
    }

    private final Map<String, Registered> registered = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong internalErrors = new AtomicLong();
    private final AtomicLong fsyncs = new AtomicLong();

    @Override
    public void journalDropped()
    {
        dropped.incrementAndGet();
    }

    @Override
    public void journalFsyncNanos(final long nanos)
    {
        fsyncs.incrementAndGet();
    }

    @Override
    public void internalError()
    {
        internalErrors.incrementAndGet();
    }

    @Override
    public void gauge(final String name, final String help, final LongSupplier value)
    {
        registered.put(name, new Registered(Kind.GAUGE, value));
    }

    @Override
    public void counter(final String name, final String help, final LongSupplier value)
    {
        registered.put(name, new Registered(Kind.COUNTER, value));
    }

    /** The current value of a metric, by the name it is exported under. */
    public long value(final String name)
    {
        switch (name)
        {
            case "pulse_journal_dropped_records_total":
                return dropped.get();
            case "pulse_internal_errors_total":
                return internalErrors.get();
            default:
                final Registered metric = registered.get(name);
                if (metric == null)
                {
                    throw new AssertionError("no metric " + name);
                }
                return metric.value().getAsLong();
        }
    }

    /** Whether the journal registered the metric as a gauge or as a counter. */
    public Kind kind(final String name)
    {
        final Registered metric = registered.get(name);
        if (metric == null)
        {
            throw new AssertionError("no metric " + name);
        }
        return metric.kind();
    }

    /** How many forces the journal timed. */
    public long fsyncs()
    {
        return fsyncs.get();
    }
}
