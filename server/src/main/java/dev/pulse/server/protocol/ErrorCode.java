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
    UNAUTHORIZED("unauthorized");

    private final String wireName;

    ErrorCode(final String wireName)
    {
        this.wireName = wireName;
    }

    public String wireName()
    {
        return wireName;
    }
}
