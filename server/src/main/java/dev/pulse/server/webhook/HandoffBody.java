package dev.pulse.server.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.pulse.journal.JournalRecordFlyweight;

/**
 * A hand-off webhook's JSON body, made from the hand-off's journal record (its strings: question,
 * choice, response, channel, trigger, then the context pairs):
 * <pre>
 * {"id":"node-1/handoff/&lt;32 hex&gt;/7","event":"handoff","time":"2026-12-07T10:15:30.123Z","time_ms":1796638530123,
 *  "sid":"&lt;32 hex&gt;","iid":7,"catalog":"&lt;16 hex&gt;","trigger":"pricing-loop","question":"decide","choice":"talk",
 *  "response":"talk-to-us","available":true,"context":{"plan":"team","first_name":"Ada"}}
 * </pre>
 * The context is what the session's hello carried; every other string is an id from the catalog.
 * The same record makes the same body, so a resend after a restart is the same delivery. Off the
 * event loops; allocates.
 */
final class HandoffBody
{
    /** The record's strings before its context pairs. */
    static final int FIRST_CONTEXT = 5;
    private static final int RESPONSE = 2;
    private static final int TRIGGER = 4;
    private static final JsonFactory JSON = new JsonFactory();

    private HandoffBody()
    {
    }

    /** The delivery's id (also its {@code Pulse-Id} header): the node, then the session and the intervention. */
    static String id(final String node, final JournalRecordFlyweight record)
    {
        return node + "/handoff/" + WebhookBody.hex(record.sidHi()) + WebhookBody.hex(record.sidLo()) + "/" + record.iid();
    }

    /** The response the hand-off was served with, whose catalog entry names the webhook. */
    static String response(final JournalRecordFlyweight record)
    {
        return record.string(RESPONSE);
    }

    static byte[] of(final String id, final JournalRecordFlyweight record)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(out))
        {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeStringField("event", "handoff");
            json.writeStringField("time", Instant.ofEpochMilli(record.timestampMs()).toString());
            json.writeNumberField("time_ms", record.timestampMs());
            json.writeStringField("sid", WebhookBody.hex(record.sidHi()) + WebhookBody.hex(record.sidLo()));
            json.writeNumberField("iid", record.iid());
            json.writeStringField("catalog", WebhookBody.hex(record.catalogVersion()));
            json.writeStringField("trigger", record.stringCount() > TRIGGER ? record.string(TRIGGER) : "");
            json.writeStringField("question", record.string(0));
            json.writeStringField("choice", record.string(1));
            json.writeStringField("response", record.string(RESPONSE));
            json.writeBooleanField("available", record.code() == 1);
            json.writeObjectFieldStart("context");
            for (int i = FIRST_CONTEXT; i + 1 < record.stringCount(); i += 2)
            {
                json.writeStringField(record.string(i), record.string(i + 1));
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
