package dev.pulse.server.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.pulse.server.decide.HandoffCall;

/**
 * A hand-off webhook's JSON body:
 * <pre>
 * {"id":"node-1/handoff/&lt;32 hex&gt;/7","event":"handoff","time":"2026-12-07T10:15:30.123Z","time_ms":1796638530123,
 *  "sid":"&lt;32 hex&gt;","iid":7,"catalog":"&lt;16 hex&gt;","trigger":"pricing-loop","question":"decide","choice":"talk",
 *  "response":"talk-to-us","available":true,"context":{"plan":"team","first_name":"Ada"}}
 * </pre>
 * The context is what the session's hello carried; every other string is an id from the catalog.
 * Off the event loops; allocates.
 */
final class HandoffBody
{
    private static final JsonFactory JSON = new JsonFactory();

    private HandoffBody()
    {
    }

    /** The delivery's id (also its {@code Pulse-Id} header): the node, then the session and the intervention. */
    static String id(final String node, final HandoffCall call)
    {
        return node + "/handoff/" + WebhookBody.hex(call.sidHi()) + WebhookBody.hex(call.sidLo()) + "/" + call.iid();
    }

    static byte[] of(final String id, final HandoffCall call)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(out))
        {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeStringField("event", "handoff");
            json.writeStringField("time", Instant.ofEpochMilli(call.timeMs()).toString());
            json.writeNumberField("time_ms", call.timeMs());
            json.writeStringField("sid", WebhookBody.hex(call.sidHi()) + WebhookBody.hex(call.sidLo()));
            json.writeNumberField("iid", call.iid());
            json.writeStringField("catalog", WebhookBody.hex(call.catalogVersion()));
            json.writeStringField("trigger", call.trigger());
            json.writeStringField("question", call.question());
            json.writeStringField("choice", call.choice());
            json.writeStringField("response", call.response());
            json.writeBooleanField("available", call.available());
            json.writeObjectFieldStart("context");
            for (int i = 0; i + 1 < call.context().size(); i += 2)
            {
                json.writeStringField(call.context().get(i), call.context().get(i + 1));
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("writing to memory does not fail", ex);
        }
        return out.toByteArray();
    }
}
