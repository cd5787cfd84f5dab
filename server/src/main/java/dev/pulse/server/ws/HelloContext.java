package dev.pulse.server.ws;

import dev.pulse.catalog.compile.NameList;
import dev.pulse.server.auth.TokenContext;

/**
 * The context a session takes from its hello: what trigger conditions and segments compare, what
 * SESSION_START journals and the report breaks down by. Unsigned, the hello's {@code ctx} as sent.
 * Signed, the context the token vouches for, then only those of the hello's pairs whose key the
 * catalog lists in {@code site.client_context} and the token does not carry (the token wins): a
 * visitor cannot claim a tier the backend did not sign. At most {@link DecodedMessage#MAX_CONTEXT}
 * pairs, the token's first: those {@link #trustedPairs} are the site's backend's (trusted), the
 * rest the page's. Allocation-free: the pairs are the decoder's and the token's own views.
 */
final class HelloContext
{
    private HelloContext()
    {
    }

    /**
     * Writes the pairs into {@code strings} (key, value, key, value, ...).
     *
     * @param token         the valid token's context; null when the site does not sign its sessions.
     * @param clientAllowed the keys a client may set itself under signed sessions.
     * @return how many pairs were written.
     */
    static int select(final DecodedMessage message, final TokenContext token, final NameList clientAllowed, final CharSequence[] strings)
    {
        int pairs = 0;
        if (token != null)
        {
            for (int i = 0; i < token.count() && pairs < DecodedMessage.MAX_CONTEXT; i++)
            {
                pairs = put(strings, pairs, token.key(i), token.value(i));
            }
        }
        for (int i = 0; i < message.contextCount() && pairs < DecodedMessage.MAX_CONTEXT; i++)
        {
            final CharField key = message.contextKey(i);
            if (token == null || clientAllowed.contains(key) && !token.hasKey(key))
            {
                pairs = put(strings, pairs, key, message.contextValue(i));
            }
        }
        return pairs;
    }

    /** How many of the pairs {@link #select} wrote first are the token's: trusted context. */
    static int trustedPairs(final TokenContext token)
    {
        return token == null ? 0 : Math.min(token.count(), DecodedMessage.MAX_CONTEXT);
    }

    private static int put(final CharSequence[] strings, final int pairs, final CharSequence key, final CharSequence value)
    {
        strings[2 * pairs] = key;
        strings[2 * pairs + 1] = value;
        return pairs + 1;
    }
}
