package dev.pulse.loadtest;

import java.nio.charset.StandardCharsets;

/** The protocol's error codes as small indexes, so each loop counts them in a plain array. */
final class ErrorCodes
{
    static final String[] NAMES = {
        "bad_json", "bad_message", "unknown_type", "out_of_order", "rate_limited",
        "unknown_intervention", "unknown_choice", "other", "malformed_frame"};
    /** {@code unknown_intervention}: an answer or dismiss for an iid the server does not hold open. */
    static final int UNKNOWN_INTERVENTION = 5;
    /** A code this generator does not know. */
    static final int OTHER = 7;
    /** A server frame the generator could not read (not the server's code: ours). */
    static final int MALFORMED = 8;
    static final int COUNT = NAMES.length;

    private static final byte[][] BYTES = new byte[OTHER][];

    static
    {
        for (int i = 0; i < OTHER; i++)
        {
            BYTES[i] = NAMES[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private ErrorCodes()
    {
    }

    /** The index of the code spelled by {@code bytes[from, from + length)}. */
    static int of(final byte[] bytes, final int from, final int length)
    {
        for (int code = 0; code < OTHER; code++)
        {
            final byte[] name = BYTES[code];
            if (name.length == length && java.util.Arrays.equals(name, 0, length, bytes, from, from + length))
            {
                return code;
            }
        }
        return OTHER;
    }
}
