package dev.pulse.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The lift a JSON report states, read in this one place: when the report's JSON shape changes,
 * only this class follows it. Fields as {@code report/.../JsonHeadlineWriter} writes them:
 * {@code headline.lift.{status, kind, difference, ci_low, ci_high}} and the arms'
 * {@code units}, and per trigger {@code triggers[].lift}.
 *
 * @param kind       the interval's kind (a fixed-horizon or an anytime-valid one).
 * @param difference the treated arm's forward rate minus the control arm's.
 * @param low        the interval's lower end.
 * @param high       the interval's upper end.
 * @param treated    units (visitors) in the treated arm.
 * @param control    units in the control arm.
 */
record ReportHeadline(String kind, double difference, double low, double high, long treated, long control)
{
    /** The headline's lift (per visitor); fails when the report had not enough data for one. */
    static ReportHeadline of(final JsonNode report)
    {
        return lift(report.path("headline").path("lift"));
    }

    /** The lift of the trigger {@code id}. */
    static ReportHeadline ofTrigger(final JsonNode report, final String id)
    {
        for (final JsonNode trigger : report.path("triggers"))
        {
            if (id.equals(trigger.path("trigger").asText()))
            {
                return lift(trigger.path("lift"));
            }
        }
        throw new AssertionError("no trigger " + id + " in the report: " + report.path("triggers"));
    }

    private static ReportHeadline lift(final JsonNode lift)
    {
        if (!"ok".equals(lift.path("status").asText()))
        {
            throw new AssertionError("no lift in the report: " + lift);
        }
        return new ReportHeadline(lift.path("kind").asText(), lift.path("difference").asDouble(), lift.path("ci_low").asDouble(),
            lift.path("ci_high").asDouble(), lift.path("treated").path("units").asLong(), lift.path("control").path("units").asLong());
    }

    boolean covers(final double value)
    {
        return low <= value && value <= high;
    }
}
