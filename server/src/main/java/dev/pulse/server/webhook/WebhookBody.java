package dev.pulse.server.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.RecordId;
import dev.pulse.server.config.WebhookSettings;

/**
 * A webhook's JSON body, made from one journal record:
 * <pre>
 * {"id":"node-1/0/4096","event":"answer","time":"2026-12-07T10:15:30.123Z","time_ms":1796638530123,
 *  "sid":"&lt;32 hex&gt;","iid":7,"catalog":"&lt;16 hex&gt;","question":"cant-find","choice":"order"}
 * </pre>
 * then the record's strings under their {@link JournalRecordType#stringFields()} names (empty ones
 * left out), and for an outcome {@code duration_ms} (the window's length). Every string is an id
 * from the catalog (question, choice, response, trigger, variant, segment) or a fixed name (outcome,
 * group, page kind): the records sent carry nothing a visitor typed. Off the event loops; allocates.
 */
final class WebhookBody
{
    private static final JsonFactory JSON = new JsonFactory();

    private WebhookBody()
    {
    }

    static byte[] of(final JournalRecordFlyweight record, final RecordId id)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out))
        {
            json.writeStartObject();
            json.writeStringField("id", id.toString());
            json.writeStringField("event", WebhookSettings.eventName(record.type()));
            json.writeStringField("time", Instant.ofEpochMilli(record.timestampMs()).toString());
            json.writeNumberField("time_ms", record.timestampMs());
            json.writeStringField("sid", hex(record.sidHi()) + hex(record.sidLo()));
            json.writeNumberField("iid", record.iid());
            json.writeStringField("catalog", hex(record.catalogVersion()));
            if (record.type() == JournalRecordType.OUTCOME)
            {
                json.writeNumberField("duration_ms", record.value());
            }
            if (record.type() == JournalRecordType.FEEDBACK)
            {
                json.writeBooleanField("helpful", record.code() == 1);
            }
            final List<String> names = record.type().stringFields();
            for (int i = 0; i < Math.min(names.size(), record.stringCount()); i++)
            {
                final String text = record.string(i);
                if (!text.isEmpty())
                {
                    json.writeStringField(names.get(i), text);
                }
            }
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("writing to memory does not fail", ex);
        }
        return out.toByteArray();
    }

    /** A long as 16 hex digits: sids and catalog versions in every webhook body. */
    static String hex(final long value)
    {
        return String.format("%016x", value);
    }
}
