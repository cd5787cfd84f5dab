package dev.pulse.server.ws;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.netty.buffer.ByteBuf;

import dev.pulse.detect.NavType;
import dev.pulse.server.protocol.ErrorCode;

/**
 * Decodes one client message (a whole, UTF-8-validated text frame) into a {@link DecodedMessage}
 * with Jackson's streaming parser: no tree, no object per message, no String per field.
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
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxNumberLength(32).build())
        .build();

    private static final int F_TYPE = 1;
    private static final int F_SEQ = 1 << 1;
    private static final int F_VERSION = 1 << 2;
    private static final int F_SID = 1 << 3;
    private static final int F_URL = 1 << 4;
    private static final int F_CTX = 1 << 5;
    private static final int F_NAV = 1 << 6;
    private static final int F_HIDDEN = 1 << 7;
    private static final int F_TARGET = 1 << 8;
    private static final int F_X = 1 << 9;
    private static final int F_Y = 1 << 10;
    private static final int F_QUERY = 1 << 11;
    private static final int F_RESULTS = 1 << 12;
    private static final int F_FORM = 1 << 13;
    private static final int F_FIELD = 1 << 14;
    private static final int F_NAME = 1 << 15;
    private static final int F_IID = 1 << 16;
    private static final int F_CHOICE = 1 << 17;
    private static final int F_CLIENT_TIME = 1 << 18;
    private static final int F_TOKEN = 1 << 19;

    private static final NavType[] NAV_TYPES = NavType.values();

    private final byte[] input;
    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private boolean replaceParser;
    private int seen;
    private boolean unknownType;

    /** @param maxMessageBytes the largest message the pipeline lets through. */
    public EventDecoder(final int maxMessageBytes)
    {
        this.input = new byte[maxMessageBytes];
        newParser();
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
        seen = 0;
        unknownType = false;
        try
        {
            feeder.feedInput(bytes, 0, length);
            final JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT)
            {
                replaceParser = true;
                out.reject(first == JsonToken.NOT_AVAILABLE || first == null ? ErrorCode.BAD_JSON : ErrorCode.BAD_MESSAGE,
                    first == JsonToken.NOT_AVAILABLE ? "not a complete JSON value" : "a message is one JSON object");
                return out;
            }
            readFields(out);
            if (out.error != ErrorCode.BAD_JSON && parser.nextToken() != JsonToken.NOT_AVAILABLE)
            {
                replaceParser = true;
                out.reject(ErrorCode.BAD_JSON, "more than one JSON value in the message");
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            replaceParser = true;
            out.error = null;
            out.reject(ErrorCode.BAD_JSON, "not valid JSON");
        }
        finally
        {
            if (replaceParser)
            {
                newParser();
            }
        }
        if (out.error == null)
        {
            validate(out);
        }
        return out;
    }

    private void readFields(final DecodedMessage out) throws IOException
    {
        while (true)
        {
            final JsonToken token = parser.nextToken();
            if (token == JsonToken.END_OBJECT)
            {
                return;
            }
            if (token != JsonToken.FIELD_NAME)
            {
                truncated(out);
                return;
            }
            final String name = parser.currentName();
            final JsonToken value = parser.nextToken();
            if (value == JsonToken.NOT_AVAILABLE)
            {
                truncated(out);
                return;
            }
            if (!readField(name, value, out))
            {
                return;
            }
        }
    }

    /** Reads one field's value; false if the message turned out truncated. */
    private boolean readField(final String name, final JsonToken value, final DecodedMessage out) throws IOException
    {
        switch (name)
        {
            case "t":
                if (once(F_TYPE, out) && string(value, out))
                {
                    out.type = MessageType.of(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                    unknownType = out.type == null;
                }
                return true;
            case "seq":
                if (once(F_SEQ, out) && integer(value, out))
                {
                    out.seq = parser.getLongValue();
                    out.hasSeq = true;
                }
                return true;
            case "v":
                if (once(F_VERSION, out) && integer(value, out))
                {
                    out.version = parser.getLongValue();
                    out.hasVersion = true;
                }
                return true;
            case "sid":
                return optionalString(F_SID, value, out.sid, out);
            case "token":
                return optionalString(F_TOKEN, value, out.token, out);
            case "url":
                return optionalString(F_URL, value, out.url, out);
            case "ctx":
                return once(F_CTX, out) ? readContext(value, out) : skip(value, out);
            case "nav":
                if (once(F_NAV, out) && string(value, out))
                {
                    out.nav = nav(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                    if (out.nav == null)
                    {
                        out.reject(ErrorCode.BAD_MESSAGE, "nav is navigate, back, forward or reload");
                    }
                }
                return true;
            case "hidden":
                if (once(F_HIDDEN, out))
                {
                    if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE)
                    {
                        out.hidden = value == JsonToken.VALUE_TRUE ? 1 : 0;
                    }
                    else
                    {
                        wrongType(value, out);
                    }
                }
                return true;
            case "target":
                return optionalString(F_TARGET, value, out.target, out);
            case "x":
                if (once(F_X, out) && number(value, out))
                {
                    out.x = coordinate();
                    out.hasX = true;
                }
                return true;
            case "y":
                if (once(F_Y, out) && number(value, out))
                {
                    out.y = coordinate();
                    out.hasY = true;
                }
                return true;
            case "q":
                return optionalString(F_QUERY, value, out.query, out);
            case "results":
                if (once(F_RESULTS, out) && integer(value, out))
                {
                    out.results = parser.getLongValue();
                    out.hasResults = true;
                }
                return true;
            case "form":
                return optionalString(F_FORM, value, out.form, out);
            case "field":
                return optionalString(F_FIELD, value, out.field, out);
            case "name":
                return optionalString(F_NAME, value, out.name, out);
            case "iid":
                return optionalString(F_IID, value, out.iid, out);
            case "choice":
                return optionalString(F_CHOICE, value, out.choice, out);
            case "ts":
                once(F_CLIENT_TIME, out);
                return skip(value, out);
            default:
                // Unknown fields are allowed (clients may be newer), but the parser remembers the
                // name: start a fresh parser after this message so strangers cannot grow it.
                replaceParser = true;
                return skip(value, out);
        }
    }

    private boolean readContext(final JsonToken value, final DecodedMessage out) throws IOException
    {
        if (value == JsonToken.VALUE_NULL)
        {
            return true;
        }
        if (value != JsonToken.START_OBJECT)
        {
            out.reject(ErrorCode.BAD_MESSAGE, "ctx is an object of string values");
            return skip(value, out);
        }
        while (true)
        {
            final JsonToken token = parser.nextToken();
            if (token == JsonToken.END_OBJECT)
            {
                return true;
            }
            if (token != JsonToken.FIELD_NAME)
            {
                truncated(out);
                return false;
            }
            replaceParser = true;
            final String key = parser.currentName();
            final JsonToken item = parser.nextToken();
            if (item == JsonToken.NOT_AVAILABLE)
            {
                truncated(out);
                return false;
            }
            if (item != JsonToken.VALUE_STRING)
            {
                out.reject(ErrorCode.BAD_MESSAGE, "ctx values are strings");
                if (!skip(item, out))
                {
                    return false;
                }
                continue;
            }
            if (out.contextCount < DecodedMessage.MAX_CONTEXT)
            {
                final int index = out.contextCount++;
                out.contextKeys[index].set(key);
                out.contextValues[index].set(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            }
        }
    }

    private void validate(final DecodedMessage out)
    {
        if (out.type == null)
        {
            out.reject(unknownType ? ErrorCode.UNKNOWN_TYPE : ErrorCode.BAD_MESSAGE, unknownType ? "unknown message type" : "t is missing");
            return;
        }
        if (out.type == MessageType.HELLO)
        {
            if (!out.hasVersion)
            {
                out.reject(ErrorCode.BAD_MESSAGE, "hello needs v");
            }
            return;
        }
        if (!out.hasSeq || out.seq < 1)
        {
            out.reject(ErrorCode.BAD_MESSAGE, out.hasSeq ? "seq is a positive integer" : "seq is missing");
            return;
        }
        switch (out.type)
        {
            case PAGE:
                require(out.url.present() && out.nav != null, "page needs url and nav", out);
                break;
            case VISIBILITY:
                require(out.hidden >= 0, "visibility needs hidden", out);
                break;
            case CLICK:
                require(out.target.present() && out.hasX && out.hasY, "click needs target, x and y", out);
                break;
            case SEARCH:
                require(out.hasResults && out.results >= 0, "search needs results, an integer of at least 0", out);
                break;
            case FORM_ERROR:
                require(out.form.present() && out.field.present(), "form_error needs form and field", out);
                break;
            case GOAL:
                require(out.name.present(), "goal needs name", out);
                break;
            case ANSWER:
                require(out.iid.present() && out.choice.present(), "answer needs iid and choice", out);
                break;
            case DISMISS:
                require(out.iid.present(), "dismiss needs iid", out);
                break;
            default:
                break;
        }
    }

    private static void require(final boolean condition, final String detail, final DecodedMessage out)
    {
        if (!condition)
        {
            out.reject(ErrorCode.BAD_MESSAGE, detail);
        }
    }

    private boolean once(final int flag, final DecodedMessage out)
    {
        if ((seen & flag) != 0)
        {
            out.reject(ErrorCode.BAD_MESSAGE, "a field appears twice");
            return false;
        }
        seen |= flag;
        return true;
    }

    private boolean optionalString(final int flag, final JsonToken value, final CharField into, final DecodedMessage out)
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
            wrongType(value, out);
            return skip(value, out);
        }
        into.set(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        return true;
    }

    private boolean string(final JsonToken value, final DecodedMessage out) throws IOException
    {
        if (value == JsonToken.VALUE_STRING)
        {
            return true;
        }
        wrongType(value, out);
        skip(value, out);
        return false;
    }

    private boolean integer(final JsonToken value, final DecodedMessage out) throws IOException
    {
        if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER)
        {
            return true;
        }
        wrongType(value, out);
        skip(value, out);
        return false;
    }

    private boolean number(final JsonToken value, final DecodedMessage out) throws IOException
    {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT)
        {
            return true;
        }
        wrongType(value, out);
        skip(value, out);
        return false;
    }

    /** A coordinate as an int, clamped; fractional CSS pixels are truncated. */
    private int coordinate() throws IOException
    {
        final double value = parser.getDoubleValue();
        return (int)Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static void wrongType(final JsonToken value, final DecodedMessage out)
    {
        out.reject(ErrorCode.BAD_MESSAGE, "a field has the wrong type");
    }

    /** Skips a structured value; false if the message ended inside it. */
    private boolean skip(final JsonToken value, final DecodedMessage out) throws IOException
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

    private void truncated(final DecodedMessage out)
    {
        replaceParser = true;
        out.error = null;
        out.reject(ErrorCode.BAD_JSON, "not a complete JSON value");
    }

    private static NavType nav(final char[] chars, final int offset, final int length)
    {
        for (final NavType nav : NAV_TYPES)
        {
            final String wire = nav.wireName();
            if (wire.length() == length && equalsChars(wire, chars, offset))
            {
                return nav;
            }
        }
        return null;
    }

    private static boolean equalsChars(final String text, final char[] chars, final int offset)
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (text.charAt(i) != chars[offset + i])
            {
                return false;
            }
        }
        return true;
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
