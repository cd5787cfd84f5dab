package dev.pulse.report;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

/** The JSON report's recurring fields: a rate with its interval, counts, shares, and NaN or null as JSON null. */
final class JsonFields
{
    private JsonFields()
    {
    }

    /** The rate and its interval, after the counts it comes from. */
    static void rate(final JsonGenerator json, final Proportion forward) throws IOException
    {
        number(json, "rate", forward.rate());
        interval(json, forward.interval());
    }

    /** A forward rate by answer or variant: forward and closed windows, then the rate. */
    static void forwardRate(final JsonGenerator json, final Proportion forward) throws IOException
    {
        json.writeNumberField("forward", forward.successes());
        json.writeNumberField("closed", forward.trials());
        rate(json, forward);
    }

    static void share(final JsonGenerator json, final QuestionFigures question, final long count) throws IOException
    {
        json.writeNumberField("count", count);
        number(json, "share", question.share(count).rate());
    }

    static void interval(final JsonGenerator json, final Interval interval) throws IOException
    {
        number(json, "ci_low", interval == null ? Double.NaN : interval.low());
        number(json, "ci_high", interval == null ? Double.NaN : interval.high());
    }

    static void number(final JsonGenerator json, final String name, final double value) throws IOException
    {
        if (Double.isNaN(value))
        {
            json.writeNullField(name);
        }
        else
        {
            json.writeNumberField(name, value);
        }
    }
}
