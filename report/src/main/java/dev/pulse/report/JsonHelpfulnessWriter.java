package dev.pulse.report;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

/** The JSON report's {@code helpfulness} array: "Did this help?" per response and per answer that led to it. */
final class JsonHelpfulnessWriter
{
    private JsonHelpfulnessWriter()
    {
    }

    static void helpfulness(final JsonGenerator json, final List<Helpfulness> responses) throws IOException
    {
        json.writeArrayFieldStart("helpfulness");
        for (final Helpfulness response : responses)
        {
            json.writeStartObject();
            json.writeStringField("response", response.response());
            json.writeBooleanField("exploratory", true);
            counts(json, response.helpful(), response.unhelpful());
            json.writeBooleanField("flagged", response.flagged());
            forward(json, response.forward());
            json.writeArrayFieldStart("answers");
            for (final Helpfulness.Answer answer : response.answers())
            {
                json.writeStartObject();
                json.writeStringField("question", answer.question());
                json.writeStringField("choice", answer.choice());
                counts(json, answer.helpful(), answer.unhelpful());
                forward(json, answer.forward());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** yes, no, then the yes rate and its interval ({@code rate}, {@code ci_low}, {@code ci_high}). */
    private static void counts(final JsonGenerator json, final Proportion helpful, final Proportion unhelpful) throws IOException
    {
        json.writeNumberField("yes", helpful.successes());
        json.writeNumberField("no", unhelpful.successes());
        JsonFields.rate(json, helpful);
    }

    private static void forward(final JsonGenerator json, final Proportion forward) throws IOException
    {
        json.writeObjectFieldStart("forward_rate");
        JsonFields.forwardRate(json, forward);
        json.writeEndObject();
    }
}
