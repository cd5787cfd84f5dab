package dev.pulse.server.carry;

import java.util.Locale;

/**
 * What a hello's carry came to: {@link #VALID}, or why it was ignored (the connection is then served
 * as if it had none). Each reason is a label of {@code pulse_carry_ignored_total}.
 */
public enum CarryCheck
{
    VALID,
    /** Not of the carry's form: prefix, alphabet, length, counts. */
    MALFORMED,
    /** Its GCM tag ({@code c2}) or MAC ({@code c1}) is not the cluster key's over its payload: forged, changed, cut, or another cluster's. */
    BAD_MAC,
    /** Signed by the cluster, for another site. */
    OTHER_SITE,
    /** Issued longer ago than the catalog's session expiry: the session it describes is over. */
    EXPIRED,
    /** Signed for another session than the hello names (its {@code sid}, or its token's). */
    OTHER_SESSION;

    /** The metric label. */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
