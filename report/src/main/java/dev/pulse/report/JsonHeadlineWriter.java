package dev.pulse.report;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

/** The JSON report's {@code observation} and {@code headline} objects, and a lift's fields. */
final class JsonHeadlineWriter
{
    private JsonHeadlineWriter()
    {
    }

    static void observation(final JsonGenerator json, final Observation observation) throws IOException
    {
        json.writeObjectFieldStart("observation");
        json.writeStringField("end", Figures.iso(observation.endMs()));
        json.writeBooleanField("live", observation.live());
        json.writeStringField("interval_kind", observation.intervalKind().wireName());
        json.writeStringField("interval", observation.intervalKind().sentence());
        json.writeStringField("multiple_comparisons", observation.comparisons().sentence());
        json.writeBooleanField("policies_known", observation.policiesKnown());
        json.writeNumberField("windows_still_open", observation.windowsOpen());
        json.writeEndObject();
    }

    static void headline(final JsonGenerator json, final Headline headline) throws IOException
    {
        json.writeObjectFieldStart("headline");
        json.writeStringField("unit", "visitor");
        json.writeNumberField("visitors", headline.visitors());
        json.writeNumberField("visitors_still_open", headline.visitorsOpen());
        lift(json, headline.lift());
        json.writeArrayFieldStart("strata");
        for (final Stratum stratum : headline.strata())
        {
            json.writeStartObject();
            json.writeStringField("catalog_version", String.format("%016x", stratum.catalogVersion()));
            json.writeNumberField("holdout_share", stratum.holdoutShare());
            arm(json, "treated", stratum.treated());
            arm(json, "control", stratum.control());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A lift object: status, kind, the estimate with its interval, relative lift, p-values, call, units per arm. */
    static void lift(final JsonGenerator json, final Lift lift) throws IOException
    {
        json.writeObjectFieldStart("lift");
        estimate(json, lift);
        JsonFields.number(json, "p_value", lift.enoughData() ? lift.pValue() : Double.NaN);
        JsonFields.number(json, "p_adjusted", lift.adjustedP());
        json.writeStringField("call", lift.call().wireName());
        json.writeNumberField("strata", lift.strata());
        arm(json, "treated", lift.shown());
        arm(json, "control", lift.holdout());
        json.writeEndObject();
    }

    /** A lift's status and kind, then (with enough data, else null) the estimate, its interval and the relative lift. */
    static void estimate(final JsonGenerator json, final Lift lift) throws IOException
    {
        json.writeStringField("status", lift.enoughData() ? "ok" : "not_enough_data");
        json.writeStringField("kind", lift.kind().wireName());
        JsonFields.number(json, "difference", lift.enoughData() ? lift.difference() : Double.NaN);
        JsonFields.interval(json, lift.enoughData() ? lift.interval() : null);
        JsonFields.number(json, "relative", lift.enoughData() ? lift.relative() : Double.NaN);
    }

    /** One arm: forward units, units, the rate and its interval. */
    static void arm(final JsonGenerator json, final String name, final Proportion units) throws IOException
    {
        json.writeObjectFieldStart(name);
        json.writeNumberField("forward", units.successes());
        json.writeNumberField("units", units.trials());
        JsonFields.rate(json, units);
        json.writeEndObject();
    }
}
