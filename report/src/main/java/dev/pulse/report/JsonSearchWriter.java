package dev.pulse.report;

import java.io.IOException;
import com.fasterxml.jackson.core.JsonGenerator;

/** The JSON report's {@code searches}: by the catalog intent a search's words matched, and the days they are counted from. */
final class JsonSearchWriter
{
    private JsonSearchWriter()
    {
    }

    static void searches(final JsonGenerator json, final Searches searches) throws IOException
    {
        json.writeObjectFieldStart("searches");
        json.writeBooleanField("exploratory", true);
        json.writeNumberField("days_captured", searches.daysCaptured());
        json.writeNumberField("days_with_records", searches.daysSpanned());
        json.writeArrayFieldStart("intents");
        for (final Searches.Intent intent : searches.intents())
        {
            json.writeStartObject();
            json.writeStringField("intent", intent.intent());
            json.writeNumberField("searches", intent.searches());
            json.writeNumberField("sessions", intent.sessions());
            json.writeObjectFieldStart("failed");
            json.writeNumberField("failed", intent.failed().successes());
            JsonFields.rate(json, intent.failed());
            json.writeEndObject();
            json.writeNumberField("questions_asked", intent.asked());
            json.writeObjectFieldStart("forward_rate");
            JsonFields.forwardRate(json, intent.forward());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
