package dev.pulse.server.protocol;

/** The {@code code} of an {@code error} frame (docs/protocol.md). */
public enum ErrorCode
{
    BAD_JSON("bad_json"),
    BAD_MESSAGE("bad_message"),
    UNKNOWN_TYPE("unknown_type"),
    OUT_OF_ORDER("out_of_order"),
    RATE_LIMITED("rate_limited"),
    UNKNOWN_INTERVENTION("unknown_intervention"),
    UNKNOWN_CHOICE("unknown_choice"),
    /** An extension: the site requires a signed hello and the token is missing, expired or wrong. */
    UNAUTHORIZED("unauthorized"),
    /**
     * An extension: the journal could not take the message's records (its ring is full, its disk
     * failing, or it is closing), so the message was not handled and is not acked; the connection
     * then closes with 1013 and the client resends it after its next welcome, no sooner than
     * {@code retry_ms}.
     */
    OVERLOADED("overloaded", 1_000);

    private final String wireName;
    private final int retryMs;

    ErrorCode(final String wireName)
    {
        this(wireName, 0);
    }

    ErrorCode(final String wireName, final int retryMs)
    {
        this.wireName = wireName;
        this.retryMs = retryMs;
    }

    /** How long a client should wait before sending the message again; 0 if the code carries no such hint. */
    public int retryMs()
    {
        return retryMs;
    }

    public String wireName()
    {
        return wireName;
    }
}
