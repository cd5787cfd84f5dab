package dev.pulse.server.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Records no endpoint took, one JSON line each, appended and forced before the record counts as
 * done (so the durable position never passes a record that is neither delivered nor here):
 * <pre>
 * {"id":"node-1/0/4096","event":"answer","url":"https://...","attempts":10,"last_error":"HTTP 503",
 *  "dead_lettered_at":"2026-12-07T10:20:30.456Z","body":{...the body as sent...}}
 * </pre>
 * Lanes write it from their threads, one line at a time.
 */
final class DeadLetterFile
{
    private static final JsonFactory JSON = new JsonFactory();
    private final Path file;

    DeadLetterFile(final Path file)
    {
        this.file = file;
    }

    Path path()
    {
        return file;
    }

    synchronized void write(final WebhookDelivery delivery, final URI url, final int attempts, final String lastError, final long nowMs)
        throws IOException
    {
        final ByteArrayOutputStream line = new ByteArrayOutputStream(delivery.body().length + 256);
        try (JsonGenerator json = JSON.createGenerator(line))
        {
            json.writeStartObject();
            json.writeStringField("id", delivery.id());
            json.writeStringField("event", delivery.event());
            json.writeStringField("url", url.toString());
            json.writeNumberField("attempts", attempts);
            json.writeStringField("last_error", lastError);
            json.writeStringField("dead_lettered_at", Instant.ofEpochMilli(nowMs).toString());
            json.writeFieldName("body");
            json.writeRawValue(new String(delivery.body(), StandardCharsets.UTF_8));
            json.writeEndObject();
        }
        line.write('\n');
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND))
        {
            final ByteBuffer bytes = ByteBuffer.wrap(line.toByteArray());
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }
}
