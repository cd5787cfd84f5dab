package dev.pulse.server.ws;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.pulse.detect.NavType;
import dev.pulse.server.protocol.ErrorCode;

/**
 * The protocol's field names (docs/protocol.md) and where each value goes in a
 * {@link DecodedMessage}: reads the fields of one message's root object, each known field by its
 * type, a hello's {@code ctx} pairs, and skips unknown fields (clients may be newer).
 *
 * <p>Not thread-safe: one per decoder.
 */
final class MessageFields
{
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
    private static final int F_VID = 1 << 20;
    private static final int F_CARRY = 1 << 21;
    private static final int F_ACKED = 1 << 22;
    private static final int F_HELPFUL = 1 << 23;

    /** Every field name {@link #readField} knows, in its order: the parser factory learns them once ({@link JsonFieldReader}). */
    static final List<String> NAMES = List.of("t", "seq", "v", "sid", "token", "vid", "carry", "acked", "url", "ctx", "nav",
        "hidden", "helpful", "target", "x", "y", "q", "results", "form", "field", "name", "iid", "choice", "ts");

    private static final NavType[] NAV_TYPES = NavType.values();

    private final JsonFieldReader json;
    private boolean unknownType;

    MessageFields(final JsonFieldReader json)
    {
        this.json = json;
    }

    /** Whether the last message named a type the protocol does not know (rather than none). */
    boolean unknownType()
    {
        return unknownType;
    }

    /** Reads the fields after the root object's start, up to its end or the end of the message. */
    void read(final DecodedMessage out) throws IOException
    {
        unknownType = false;
        while (true)
        {
            final JsonToken token = json.nextToken();
            if (token == JsonToken.END_OBJECT)
            {
                return;
            }
            if (token != JsonToken.FIELD_NAME)
            {
                json.truncated(out);
                return;
            }
            final String name = json.parser().currentName();
            final JsonToken value = json.nextToken();
            if (value == JsonToken.NOT_AVAILABLE)
            {
                json.truncated(out);
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
        final JsonParser parser = json.parser();
        switch (name)
        {
            case "t":
                if (json.once(F_TYPE, out) && json.string(value, out))
                {
                    out.type = MessageType.of(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                    unknownType = out.type == null;
                }
                return true;
            case "seq":
                if (json.once(F_SEQ, out) && json.integer(value, out))
                {
                    out.seq = parser.getLongValue();
                    out.hasSeq = true;
                }
                return true;
            case "v":
                if (json.once(F_VERSION, out) && json.integer(value, out))
                {
                    out.version = parser.getLongValue();
                    out.hasVersion = true;
                }
                return true;
            case "sid":
                return json.optionalString(F_SID, value, out.sid, out);
            case "token":
                return json.optionalString(F_TOKEN, value, out.token, out);
            case "vid":
                return json.optionalString(F_VID, value, out.vid, out);
            case "carry":
                return json.optionalString(F_CARRY, value, out.carry, out);
            case "acked":
                if (json.once(F_ACKED, out) && json.integer(value, out))
                {
                    out.acked = parser.getLongValue();
                    if (out.acked < 0)
                    {
                        out.reject(ErrorCode.BAD_MESSAGE, "acked is an integer of at least 0");
                    }
                }
                return true;
            case "url":
                return json.optionalString(F_URL, value, out.url, out);
            case "ctx":
                return json.once(F_CTX, out) ? readContext(value, out) : json.skip(value, out);
            case "nav":
                if (json.once(F_NAV, out) && json.string(value, out))
                {
                    out.nav = nav(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                    if (out.nav == null)
                    {
                        out.reject(ErrorCode.BAD_MESSAGE, "nav is navigate, back, forward or reload");
                    }
                }
                return true;
            case "hidden":
                if (json.once(F_HIDDEN, out))
                {
                    out.hidden = bool(value, out);
                }
                return true;
            case "helpful":
                if (json.once(F_HELPFUL, out))
                {
                    out.helpful = bool(value, out);
                }
                return true;
            case "target":
                return json.optionalString(F_TARGET, value, out.target, out);
            case "x":
                if (json.once(F_X, out) && json.number(value, out))
                {
                    out.x = json.coordinate();
                    out.hasX = true;
                }
                return true;
            case "y":
                if (json.once(F_Y, out) && json.number(value, out))
                {
                    out.y = json.coordinate();
                    out.hasY = true;
                }
                return true;
            case "q":
                return json.optionalString(F_QUERY, value, out.query, out);
            case "results":
                if (json.once(F_RESULTS, out) && json.integer(value, out))
                {
                    out.results = parser.getLongValue();
                    out.hasResults = true;
                }
                return true;
            case "form":
                return json.optionalString(F_FORM, value, out.form, out);
            case "field":
                return json.optionalString(F_FIELD, value, out.field, out);
            case "name":
                return json.optionalString(F_NAME, value, out.name, out);
            case "iid":
                return json.optionalString(F_IID, value, out.iid, out);
            case "choice":
                return json.optionalString(F_CHOICE, value, out.choice, out);
            case "ts":
                json.once(F_CLIENT_TIME, out);
                return json.skip(value, out);
            default:
                // Unknown fields are allowed (clients may be newer), but the parser remembers the
                // name: start a fresh parser after this message so strangers cannot grow it.
                json.replaceAfterMessage();
                return json.skip(value, out);
        }
    }

    /** A hello's {@code ctx}: string pairs, the first {@link DecodedMessage#MAX_CONTEXT} kept; false if truncated. */
    private boolean readContext(final JsonToken value, final DecodedMessage out) throws IOException
    {
        if (value == JsonToken.VALUE_NULL)
        {
            return true;
        }
        if (value != JsonToken.START_OBJECT)
        {
            out.reject(ErrorCode.BAD_MESSAGE, "ctx is an object of string values");
            return json.skip(value, out);
        }
        final JsonParser parser = json.parser();
        while (true)
        {
            final JsonToken token = json.nextToken();
            if (token == JsonToken.END_OBJECT)
            {
                return true;
            }
            if (token != JsonToken.FIELD_NAME)
            {
                json.truncated(out);
                return false;
            }
            // Context keys are the site's own names: the parser remembers them, so it is replaced.
            json.replaceAfterMessage();
            final String key = parser.currentName();
            final JsonToken item = json.nextToken();
            if (item == JsonToken.NOT_AVAILABLE)
            {
                json.truncated(out);
                return false;
            }
            if (item != JsonToken.VALUE_STRING)
            {
                out.reject(ErrorCode.BAD_MESSAGE, "ctx values are strings");
                if (!json.skip(item, out))
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

    /** A JSON true or false as 1 or 0; anything else is the wrong type (-1). */
    private static int bool(final JsonToken value, final DecodedMessage out)
    {
        if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE)
        {
            return value == JsonToken.VALUE_TRUE ? 1 : 0;
        }
        JsonFieldReader.wrongType(out);
        return -1;
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
}
