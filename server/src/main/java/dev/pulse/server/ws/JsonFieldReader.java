package dev.pulse.server.ws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

import dev.pulse.server.protocol.ErrorCode;

/**
 * Jackson's non-blocking parser, fed one whole message at a time, and the typed reads of a
 * message's values: each field at most once, of its JSON type, structured values skipped, a
 * message that ends early noticed. A problem is a rejection in the {@link DecodedMessage}, never an
 * exception to the caller (Jackson's own are the decoder's to catch).
 *
 * <p>The parser keeps every field name it sees, and is left in an unknown state by a malformed
 * message, so either {@linkplain #replaceAfterMessage() marks it} for replacement at the end of
 * the message: only those messages cost an allocation.
 *
 * <p>Not thread-safe: one per decoder.
 */
final class JsonFieldReader
{
    private static final JsonFactory FACTORY = learnedProtocolNames(JsonFactory.builder()
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxNumberLength(32).build())
        .build());

    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private boolean replaceParser;
    private int seen;

    JsonFieldReader()
    {
        newParser();
    }

    /** Starts a message: its {@code length} bytes go to the parser, and no field has been seen yet. */
    void feed(final byte[] bytes, final int length) throws IOException
    {
        seen = 0;
        feeder.feedInput(bytes, 0, length);
    }

    JsonToken nextToken() throws IOException
    {
        return parser.nextToken();
    }

    JsonParser parser()
    {
        return parser;
    }

    /** The parser must not serve the next message: it saw a stranger's name or a malformed message. */
    void replaceAfterMessage()
    {
        replaceParser = true;
    }

    /** The message is done: a parser marked for replacement is replaced. */
    void endMessage()
    {
        if (replaceParser)
        {
            newParser();
        }
    }

    /** Marks {@code flag}'s field seen; false (and the message rejected) if it was seen before. */
    boolean once(final int flag, final DecodedMessage out)
    {
        if ((seen & flag) != 0)
        {
            out.reject(ErrorCode.BAD_MESSAGE, "a field appears twice");
            return false;
        }
        seen |= flag;
        return true;
    }

    /** A string field that may be null; false if the message ended inside the value. */
    boolean optionalString(final int flag, final JsonToken value, final CharField into, final DecodedMessage out)
        throws IOException
    {
        if (!once(flag, out))
        {
            return skip(value, out);
        }
        if (value == JsonToken.VALUE_NULL)
        {
            return true;
        }
        if (value != JsonToken.VALUE_STRING)
        {
            wrongType(out);
            return skip(value, out);
        }
        into.set(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        return true;
    }

    /** Whether the value is a string (its text is then the parser's); otherwise the message is rejected. */
    boolean string(final JsonToken value, final DecodedMessage out) throws IOException
    {
        return typed(value == JsonToken.VALUE_STRING, value, out);
    }

    /** Whether the value is an integer that fits a long; otherwise the message is rejected. */
    boolean integer(final JsonToken value, final DecodedMessage out) throws IOException
    {
        return typed(value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER, value, out);
    }

    /** Whether the value is a number; otherwise the message is rejected. */
    boolean number(final JsonToken value, final DecodedMessage out) throws IOException
    {
        return typed(value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT, value, out);
    }

    /** {@code ofTheType}, after rejecting the message (a wrong type) and passing over the value when it is not. */
    private boolean typed(final boolean ofTheType, final JsonToken value, final DecodedMessage out) throws IOException
    {
        if (ofTheType)
        {
            return true;
        }
        wrongType(out);
        skip(value, out);
        return false;
    }

    /** A coordinate as an int, clamped; fractional CSS pixels are truncated. */
    int coordinate() throws IOException
    {
        final double value = parser.getDoubleValue();
        return (int)Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    static void wrongType(final DecodedMessage out)
    {
        out.reject(ErrorCode.BAD_MESSAGE, "a field has the wrong type");
    }

    /** Skips a structured value; false if the message ended inside it. */
    boolean skip(final JsonToken value, final DecodedMessage out) throws IOException
    {
        if (value != JsonToken.START_OBJECT && value != JsonToken.START_ARRAY)
        {
            return true;
        }
        int depth = 1;
        while (depth > 0)
        {
            final JsonToken token = parser.nextToken();
            if (token == JsonToken.NOT_AVAILABLE || token == null)
            {
                truncated(out);
                return false;
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
            {
                depth++;
            }
            else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY)
            {
                depth--;
            }
        }
        return true;
    }

    /** The message ended inside a value: it is not JSON, whatever was found wrong before. */
    void truncated(final DecodedMessage out)
    {
        replaceParser = true;
        out.error = null;
        out.reject(ErrorCode.BAD_JSON, "not a complete JSON value");
    }

    /**
     * The factory, its shared name table taught the protocol's field names once: a parser's names
     * reach the shared table only when it is closed, and ours are never closed (a replaced one may
     * hold a stranger's names), so without this every new parser (one for each hello with
     * {@code ctx}) would copy the table and make each protocol name's String again.
     */
    private static JsonFactory learnedProtocolNames(final JsonFactory factory)
    {
        final byte[] message = MessageFields.NAMES.stream().map(name -> "\"" + name + "\":0")
            .collect(Collectors.joining(",", "{", "}")).getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = factory.createNonBlockingByteArrayParser())
        {
            final ByteArrayFeeder feeder = (ByteArrayFeeder)parser.getNonBlockingInputFeeder();
            feeder.feedInput(message, 0, message.length);
            feeder.endOfInput();
            while (parser.nextToken() != null)
            {
                // Reading is the point: each name enters the parser's table, and close() hands the table to the factory.
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("Jackson could not read the protocol's own names", ex);
        }
        return factory;
    }

    private void newParser()
    {
        try
        {
            parser = FACTORY.createNonBlockingByteArrayParser();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("Jackson could not create a parser", ex);
        }
        feeder = (ByteArrayFeeder)parser.getNonBlockingInputFeeder();
        replaceParser = false;
    }
}
