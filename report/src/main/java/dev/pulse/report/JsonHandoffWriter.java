package dev.pulse.report;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

/** The JSON report's {@code handoffs}: per response, availability and channel, the offers and the lift against the triggers' control. */
final class JsonHandoffWriter
{
    private JsonHandoffWriter()
    {
    }

    static void handoffs(final JsonGenerator json, final List<HandoffFigures> handoffs) throws IOException
    {
        json.writeArrayFieldStart("handoffs");
        for (final HandoffFigures handoff : handoffs)
        {
            json.writeStartObject();
            json.writeStringField("response", handoff.response());
            json.writeStringField("availability", handoff.availability());
            json.writeStringField("channel", handoff.channel());
            json.writeBooleanField("exploratory", true);
            json.writeNumberField("offered", handoff.offered());
            json.writeArrayFieldStart("triggers");
            for (final String trigger : handoff.triggers())
            {
                json.writeString(trigger);
            }
            json.writeEndArray();
            JsonBreakdownWriter.lift(json, handoff.lift());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
