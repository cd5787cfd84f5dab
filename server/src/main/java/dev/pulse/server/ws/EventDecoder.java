package dev.pulse.server.ws;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBuf;

import dev.pulse.server.protocol.ErrorCode;

/**
 * Decodes one client message (a whole, UTF-8-validated text frame) into a {@link DecodedMessage}
 * with Jackson's streaming parser: no tree, no object per message, no String per field. The
 * message must be exactly one JSON object ({@link JsonFieldReader} reads its values,
 * {@link MessageFields} knows its field names) and carry what its type needs
 * ({@link MessageRules}).
 *
 * <p>One non-blocking parser serves every message of an event loop: each message is fed whole
 * and read to the end of its root object, so the parser is back between values afterwards and is
 * never given end-of-input. After a malformed message, or one with a field name the protocol does
 * not know (the parser keeps every field name it sees, so strangers would make it grow), the
 * parser is replaced: only those messages cost an allocation.
 *
 * <p>Not thread-safe: one instance per event loop.
 */
public final class EventDecoder
{
    private final byte[] input;
    private final JsonFieldReader json = new JsonFieldReader();
    private final MessageFields fields = new MessageFields(json);

    /** @param maxMessageBytes the largest message the pipeline lets through. */
    public EventDecoder(final int maxMessageBytes)
    {
        this.input = new byte[maxMessageBytes];
    }

    /** Decodes the readable bytes of {@code content} (not consumed) into {@code out}. */
    public DecodedMessage decode(final ByteBuf content, final DecodedMessage out)
    {
        final int length = content.readableBytes();
        out.clear();
        if (length > input.length)
        {
            out.reject(ErrorCode.BAD_MESSAGE, "message too long");
            return out;
        }
        content.getBytes(content.readerIndex(), input, 0, length);
        return decode(input, length, out);
    }

    /** Decodes {@code length} bytes of {@code bytes}; for tests and benchmarks. */
    public DecodedMessage decode(final byte[] bytes, final int length, final DecodedMessage out)
    {
        out.clear();
        try
        {
            json.feed(bytes, length);
            final JsonToken first = json.nextToken();
            if (first != JsonToken.START_OBJECT)
            {
                json.replaceAfterMessage();
                out.reject(first == JsonToken.NOT_AVAILABLE || first == null ? ErrorCode.BAD_JSON : ErrorCode.BAD_MESSAGE,
                    first == JsonToken.NOT_AVAILABLE ? "not a complete JSON value" : "a message is one JSON object");
                return out;
            }
            fields.read(out);
            if (out.error != ErrorCode.BAD_JSON && json.nextToken() != JsonToken.NOT_AVAILABLE)
            {
                json.replaceAfterMessage();
                out.reject(ErrorCode.BAD_JSON, "more than one JSON value in the message");
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            json.replaceAfterMessage();
            out.error = null;
            out.reject(ErrorCode.BAD_JSON, "not valid JSON");
        }
        finally
        {
            json.endMessage();
        }
        if (out.error == null)
        {
            MessageRules.check(out, fields.unknownType());
        }
        return out;
    }
}
