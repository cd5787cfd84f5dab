package dev.pulse.server.metrics;

/**
 * One or more metric families written at each scrape, after the server's own counters: the JVM's
 * and the process's figures, the build, a gauge an owner registered. Whatever it reads, it reads
 * when {@code /metrics} is asked for, never on the path of an event.
 */
@FunctionalInterface
public interface MetricFamilies
{
    /** Appends complete families (HELP, TYPE, samples) in the Prometheus text format 0.0.4. */
    void write(StringBuilder out);
}
