package dev.pulse.server.auth;

/**
 * What checking a hello's token found. Each refusal has a fixed description for the {@code error}
 * frame: it tells an integrator what to fix and never repeats anything the client sent.
 */
public enum TokenCheck
{
    VALID(null),
    MISSING("hello needs a token: this site signs its sessions"),
    MALFORMED("the token is not of the form v1.<sid>.<expiry>[.<vid>].<mac> or v2.<sid>.<expiry>.[<vid>].<ctx>.<mac>"),
    BAD_SIGNATURE("the token was not signed with this site's key"),
    EXPIRED("the token has expired"),
    TOO_FAR_AHEAD("the token expires further ahead than this server accepts");

    private final String detail;

    TokenCheck(final String detail)
    {
        this.detail = detail;
    }

    /** The {@code msg} of the {@code unauthorized} error; null for {@link #VALID}. */
    public String detail()
    {
        return detail;
    }
}
