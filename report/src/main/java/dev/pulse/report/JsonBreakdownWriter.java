package dev.pulse.report;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The JSON report's {@code breakdowns} array: one object per {@link Breakdown}, each cell with its
 * units per arm, forward rates and the lift with its interval, unrounded. No p-value and no call:
 * breakdowns are exploratory, and a p-value per cell would invite the calls the family adjustment
 * exists to prevent.
 */
final class JsonBreakdownWriter
{
    private JsonBreakdownWriter()
    {
    }

    static void breakdowns(final JsonGenerator json, final List<Breakdown> breakdowns) throws IOException
    {
        json.writeArrayFieldStart("breakdowns");
        for (final Breakdown breakdown : breakdowns)
        {
            json.writeStartObject();
            json.writeStringField("name", breakdown.name());
            json.writeStringField("by", breakdown.by());
            json.writeStringField("key", breakdown.key().isEmpty() ? null : breakdown.key());
            json.writeBooleanField("exploratory", true);
            json.writeArrayFieldStart("cells");
            for (final Breakdown.Cell cell : breakdown.cells())
            {
                cell(json, cell);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void cell(final JsonGenerator json, final Breakdown.Cell cell) throws IOException
    {
        final Lift lift = cell.lift();
        json.writeStartObject();
        json.writeStringField("value", cell.value());
        json.writeStringField("label", cell.label());
        json.writeNumberField("units", cell.units());
        json.writeNumberField("units_still_open", cell.unitsOpen());
        lift(json, lift);
        json.writeEndObject();
    }

    /** An exploratory lift (no p-value, no call): its estimate, the strata it combines and its two arms. */
    static void lift(final JsonGenerator json, final Lift lift) throws IOException
    {
        json.writeObjectFieldStart("lift");
        JsonHeadlineWriter.estimate(json, lift);
        json.writeNumberField("strata", lift.strata());
        JsonHeadlineWriter.arm(json, "treated", lift.shown());
        JsonHeadlineWriter.arm(json, "control", lift.holdout());
        json.writeEndObject();
    }
}
