package dev.pulse.server.carry;

import java.util.concurrent.atomic.LongAdder;

import dev.pulse.server.metrics.MetricFamilies;

import static dev.pulse.server.metrics.PrometheusText.header;
import static dev.pulse.server.metrics.PrometheusText.sample;

/**
 * What became of carries: issued to clients, taken at a hello (a session adopted, or a stale record
 * superseded), ignored by reason. Counted from any event loop without a lock or an allocation;
 * written at scrape time. Registered only when the server has a cluster key.
 */
public final class CarryMetrics implements MetricFamilies
{
    private static final CarryCheck[] CHECKS = CarryCheck.values();

    private final LongAdder issued = new LongAdder();
    private final LongAdder adopted = new LongAdder();
    private final LongAdder superseded = new LongAdder();
    private final LongAdder[] ignoredByReason = new LongAdder[CHECKS.length];

    public CarryMetrics()
    {
        for (int i = 0; i < ignoredByReason.length; i++)
        {
            ignoredByReason[i] = new LongAdder();
        }
    }

    public void issued()
    {
        issued.increment();
    }

    /** A hello's valid carry named a session this node did not know: it was started from the carry. */
    public void adopted()
    {
        adopted.increment();
    }

    /** A hello's valid carry was newer than this node's record of the session: the record's open question closed, the facts merged. */
    public void superseded()
    {
        superseded.increment();
    }

    public void ignored(final CarryCheck reason)
    {
        ignoredByReason[reason.ordinal()].increment();
    }

    public long ignoredCount(final CarryCheck reason)
    {
        return ignoredByReason[reason.ordinal()].sum();
    }

    @Override
    public void write(final StringBuilder out)
    {
        header(out, "pulse_carry_issued_total", "Carries (encrypted, signed summaries of a session's promises) sent to clients.", "counter");
        sample(out, "pulse_carry_issued_total", issued.sum());
        header(out, "pulse_carry_taken_total",
            "Valid carries taken at a hello: adopted (a session begun on another node) or superseded (this node's record was stale).",
            "counter");
        sample(out, "pulse_carry_taken_total", "how", "adopted", adopted.sum());
        sample(out, "pulse_carry_taken_total", "how", "superseded", superseded.sum());
        header(out, "pulse_carry_ignored_total", "Carries a hello presented that were ignored, by reason.", "counter");
        for (final CarryCheck check : CHECKS)
        {
            if (check != CarryCheck.VALID)
            {
                sample(out, "pulse_carry_ignored_total", "reason", check.label(), ignoredByReason[check.ordinal()].sum());
            }
        }
    }
}
