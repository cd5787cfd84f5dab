package dev.pulse.loadtest;

import static dev.pulse.loadtest.JsonBytes.FAIL;
import static dev.pulse.loadtest.JsonBytes.TRUE;
import static dev.pulse.loadtest.JsonBytes.is;
import static dev.pulse.loadtest.JsonBytes.isDigit;
import static dev.pulse.loadtest.JsonBytes.keyEnd;
import static dev.pulse.loadtest.JsonBytes.literal;
import static dev.pulse.loadtest.JsonBytes.numberEnd;
import static dev.pulse.loadtest.JsonBytes.separator;
import static dev.pulse.loadtest.JsonBytes.skipSpace;
import static dev.pulse.loadtest.JsonBytes.skipValue;
import static dev.pulse.loadtest.JsonBytes.stringEnd;
import static dev.pulse.loadtest.JsonBytes.valueStart;

/**
 * Reads a server message (one JSON object) by scanning its bytes for the fields the generator
 * needs: {@code t}, {@code seq}, {@code iid}, {@code sid}, {@code resumed}, {@code code}, {@code carry} and
 * the first choice's {@code id}. Everything else is skipped structurally (strings with escapes,
 * nested objects and arrays, by {@link JsonBytes}), so a key's name inside a string never matches.
 * Anything that is not one well-formed object reads as {@link ServerMessage.Type#MALFORMED}.
 *
 * <p>No allocation and no exceptions: positions are ints and {@link JsonBytes#FAIL} marks an error.
 * Stateless; one instance may serve a whole event loop.
 */
final class ServerMessageScanner
{
    private static final byte[] KEY_T = ClientFrameProxy.ascii("t");
    private static final byte[] KEY_SEQ = ClientFrameProxy.ascii("seq");
    private static final byte[] KEY_IID = ClientFrameProxy.ascii("iid");
    private static final byte[] KEY_SID = ClientFrameProxy.ascii("sid");
    private static final byte[] KEY_RESUMED = ClientFrameProxy.ascii("resumed");
    private static final byte[] KEY_CODE = ClientFrameProxy.ascii("code");
    private static final byte[] KEY_CHOICES = ClientFrameProxy.ascii("choices");
    private static final byte[] KEY_ID = ClientFrameProxy.ascii("id");
    private static final byte[] KEY_CARRY = ClientFrameProxy.ascii("carry");
    private static final byte[] TYPE_WELCOME = ClientFrameProxy.ascii("welcome");
    private static final byte[] TYPE_ACK = ClientFrameProxy.ascii("ack");
    private static final byte[] TYPE_QUESTION = ClientFrameProxy.ascii("question");
    private static final byte[] TYPE_RESPONSE = ClientFrameProxy.ascii("response");
    private static final byte[] TYPE_ERROR = ClientFrameProxy.ascii("error");
    private static final byte[] TYPE_CARRY = ClientFrameProxy.ascii("carry");

    /** Fills {@code out} from the message in {@code bytes[0, length)}. */
    ServerMessage scan(final byte[] bytes, final int length, final ServerMessage out)
    {
        out.clear();
        int pos = skipSpace(bytes, 0, length);
        if (pos >= length || bytes[pos] != '{')
        {
            return malformed(out);
        }
        pos = skipSpace(bytes, pos + 1, length);
        if (pos < length && bytes[pos] == '}')
        {
            pos++;
        }
        else
        {
            pos = members(bytes, pos, length, out);
        }
        if (pos == FAIL || skipSpace(bytes, pos, length) != length)
        {
            return malformed(out);
        }
        return out;
    }

    /** The members of the top-level object, up to and including its closing brace. */
    private static int members(final byte[] bytes, final int start, final int length, final ServerMessage out)
    {
        int pos = start;
        while (true)
        {
            final int keyEnd = keyEnd(bytes, pos, length);
            final int valueStart = valueStart(bytes, keyEnd, length);
            if (valueStart == FAIL)
            {
                return FAIL;
            }
            final int separator = separator(bytes, member(bytes, pos + 1, keyEnd - pos - 1, valueStart, length, out), length, '}');
            if (separator == FAIL)
            {
                return FAIL;
            }
            if (bytes[separator] == '}')
            {
                return separator + 1;
            }
            pos = skipSpace(bytes, separator + 1, length);
        }
    }

    /** One top-level value: read if its key is one we need, else skipped. Returns the end. */
    private static int member(
        final byte[] bytes, final int key, final int keyLength, final int pos, final int length, final ServerMessage out)
    {
        if (is(bytes, key, keyLength, KEY_T) && pos < length && bytes[pos] == '"')
        {
            final int end = stringEnd(bytes, pos, length);
            if (end != FAIL)
            {
                out.type = typeOf(bytes, pos + 1, end - pos - 1);
                return end + 1;
            }
            return FAIL;
        }
        if (is(bytes, key, keyLength, KEY_SEQ))
        {
            final int end = numberEnd(bytes, pos, length);
            if (end != FAIL && isSmallInteger(bytes, pos, end))
            {
                out.seq = decimal(bytes, pos, end);
                out.hasSeq = true;
            }
            return end;
        }
        if (is(bytes, key, keyLength, KEY_IID))
        {
            final int end = skipValue(bytes, pos, length, 0);
            final boolean quoted = pos < length && bytes[pos] == '"';
            final int from = quoted ? pos + 1 : pos;
            final int to = quoted ? end - 1 : end;
            if (end != FAIL && to > from && to - from <= ServerMessage.MAX_ID_LENGTH && plainId(bytes, from, to))
            {
                System.arraycopy(bytes, from, out.iid, 0, to - from);
                out.iidLength = to - from;
                out.hasIid = true;
            }
            return end;
        }
        if (is(bytes, key, keyLength, KEY_SID) && pos < length && bytes[pos] == '"')
        {
            final int end = stringEnd(bytes, pos, length);
            if (end != FAIL && end - pos - 1 <= ServerMessage.MAX_ID_LENGTH)
            {
                out.sidLength = end - pos - 1;
                System.arraycopy(bytes, pos + 1, out.sid, 0, out.sidLength);
            }
            return end == FAIL ? FAIL : end + 1;
        }
        if (is(bytes, key, keyLength, KEY_RESUMED))
        {
            out.resumed = literal(bytes, pos, length, TRUE) != FAIL;
            return skipValue(bytes, pos, length, 0);
        }
        if (is(bytes, key, keyLength, KEY_CODE) && pos < length && bytes[pos] == '"')
        {
            final int end = stringEnd(bytes, pos, length);
            if (end != FAIL)
            {
                out.errorCode = ErrorCodes.of(bytes, pos + 1, end - pos - 1);
                return end + 1;
            }
            return FAIL;
        }
        if (is(bytes, key, keyLength, KEY_CHOICES))
        {
            firstChoiceId(bytes, pos, length, out);
        }
        if (is(bytes, key, keyLength, KEY_CARRY))
        {
            return carry(bytes, pos, length, out);
        }
        return skipValue(bytes, pos, length, 0);
    }

    /**
     * A carry's string, copied when it can be echoed byte for byte and fits
     * {@link ServerMessage#MAX_CARRY_LENGTH} (else left empty: the user counts a malformed carry).
     */
    private static int carry(final byte[] bytes, final int pos, final int length, final ServerMessage out)
    {
        if (pos >= length || bytes[pos] != '"')
        {
            return skipValue(bytes, pos, length, 0);
        }
        final int end = stringEnd(bytes, pos, length);
        if (end != FAIL && end - pos - 1 <= ServerMessage.MAX_CARRY_LENGTH && plainId(bytes, pos + 1, end))
        {
            out.carryLength = end - pos - 1;
            System.arraycopy(bytes, pos + 1, out.carry, 0, out.carryLength);
        }
        return end == FAIL ? FAIL : end + 1;
    }

    /** In {@code [{"id":"a",...},...]}, copies the first object's {@code id}. */
    private static void firstChoiceId(final byte[] bytes, final int start, final int length, final ServerMessage out)
    {
        int pos = start;
        if (pos >= length || bytes[pos] != '[')
        {
            return;
        }
        pos = skipSpace(bytes, pos + 1, length);
        if (pos >= length || bytes[pos] != '{')
        {
            return;
        }
        pos = skipSpace(bytes, pos + 1, length);
        while (pos < length && bytes[pos] == '"')
        {
            final int keyEnd = stringEnd(bytes, pos, length);
            final boolean isId = keyEnd != FAIL && is(bytes, pos + 1, keyEnd - pos - 1, KEY_ID);
            pos = valueStart(bytes, keyEnd, length);
            if (pos == FAIL)
            {
                return;
            }
            if (isId && pos < length && bytes[pos] == '"')
            {
                final int end = stringEnd(bytes, pos, length);
                if (end != FAIL && end - pos - 1 <= ServerMessage.MAX_ID_LENGTH)
                {
                    out.choiceLength = end - pos - 1;
                    System.arraycopy(bytes, pos + 1, out.choice, 0, out.choiceLength);
                }
                return;
            }
            final int separator = separator(bytes, skipValue(bytes, pos, length, 0), length, '}');
            if (separator == FAIL || bytes[separator] != ',')
            {
                return;
            }
            pos = skipSpace(bytes, separator + 1, length);
        }
    }

    /** Whether {@code [from, to)} is a non-negative integer that fits a long comfortably (at most 18 digits). */
    private static boolean isSmallInteger(final byte[] bytes, final int from, final int to)
    {
        if (to <= from || to - from > 18)
        {
            return false;
        }
        for (int i = from; i < to; i++)
        {
            if (!isDigit(bytes[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static long decimal(final byte[] bytes, final int from, final int to)
    {
        long value = 0;
        for (int i = from; i < to; i++)
        {
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }

    private static ServerMessage.Type typeOf(final byte[] bytes, final int from, final int length)
    {
        if (is(bytes, from, length, TYPE_ACK))
        {
            return ServerMessage.Type.ACK;
        }
        if (is(bytes, from, length, TYPE_QUESTION))
        {
            return ServerMessage.Type.QUESTION;
        }
        if (is(bytes, from, length, TYPE_RESPONSE))
        {
            return ServerMessage.Type.RESPONSE;
        }
        if (is(bytes, from, length, TYPE_WELCOME))
        {
            return ServerMessage.Type.WELCOME;
        }
        if (is(bytes, from, length, TYPE_ERROR))
        {
            return ServerMessage.Type.ERROR;
        }
        if (is(bytes, from, length, TYPE_CARRY))
        {
            return ServerMessage.Type.CARRY;
        }
        return ServerMessage.Type.OTHER;
    }

    /** Printable ASCII without quote or backslash: an id the generator can echo back byte for byte. */
    private static boolean plainId(final byte[] bytes, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            if (bytes[i] < 0x20 || bytes[i] > 0x7E || bytes[i] == '"' || bytes[i] == '\\')
            {
                return false;
            }
        }
        return true;
    }

    private static ServerMessage malformed(final ServerMessage out)
    {
        out.clear();
        out.type = ServerMessage.Type.MALFORMED;
        return out;
    }
}
