package dev.pulse.loadtest;

/**
 * The few fields of a server message the generator acts on, filled in place by
 * {@link ServerMessageScanner} (one instance per event loop, reused for every frame).
 */
final class ServerMessage
{
    /** What a server message is, by its {@code t}. */
    enum Type
    {
        WELCOME, ACK, QUESTION, RESPONSE, CARRY, ERROR, OTHER, MALFORMED
    }

    static final int MAX_ID_LENGTH = 64;
    /**
     * The longest carry kept: a server's is at most 937 characters ({@code c2.}, 672 bytes of
     * payload sealed with a 12-byte nonce and a 16-byte tag, in base64url); the rest is room for a later layout.
     */
    static final int MAX_CARRY_LENGTH = 1024;

    Type type;
    boolean hasSeq;
    long seq;
    boolean hasIid;
    /** A question's or response's {@code iid}: the characters of the string (or of a bare number). */
    final byte[] iid = new byte[MAX_ID_LENGTH];
    int iidLength;
    boolean resumed;
    final byte[] sid = new byte[MAX_ID_LENGTH];
    int sidLength;
    /** The first choice's id of a question. */
    final byte[] choice = new byte[MAX_ID_LENGTH];
    int choiceLength;
    /** An error's code, an index into {@link ErrorCodes}. */
    int errorCode;
    /** A carry's {@code carry}: opaque printable ASCII, echoed in the next hello (none: length 0). */
    final byte[] carry = new byte[MAX_CARRY_LENGTH];
    int carryLength;

    void clear()
    {
        type = Type.OTHER;
        hasSeq = false;
        seq = 0;
        hasIid = false;
        iidLength = 0;
        resumed = false;
        sidLength = 0;
        choiceLength = 0;
        errorCode = ErrorCodes.OTHER;
        carryLength = 0;
    }
}
