package dev.pulse.server.ws;

import java.util.List;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.CompiledHandoff;
import dev.pulse.server.auth.TokenContext;

/**
 * The session context a hand-off's webhook carries, kept on the connection at hello and journaled in
 * the hand-off's record when one is served (the webhook is posted from that record). The session record keeps context as hashes only, so the
 * values are copied from the hello, and only when the catalog has a hand-off with a webhook (no
 * copy otherwise). Until trusted context is marked apart, these are all the values the hello gave
 * the session: the signed token's, and the client's where the catalog allows them.
 */
final class HandoffContext
{
    private HandoffContext()
    {
    }

    /** The hello's context pairs as key, value, ... when a hand-off webhook could need them; empty otherwise. */
    static List<String> atHello(final CompiledCatalog catalog, final DecodedMessage message, final TokenContext token,
        final CharSequence[] scratch)
    {
        if (!hasWebhook(catalog))
        {
            return List.of();
        }
        final int pairs = HelloContext.select(message, token, catalog.clientContext(), scratch);
        final String[] copy = new String[2 * pairs];
        for (int i = 0; i < copy.length; i++)
        {
            copy[i] = scratch[i].toString();
        }
        return List.of(copy);
    }

    private static boolean hasWebhook(final CompiledCatalog catalog)
    {
        for (int i = 0; i < catalog.responses().size(); i++)
        {
            final CompiledHandoff handoff = catalog.responses().get(i).handoff();
            if (handoff != null && handoff.webhookUrl() != null)
            {
                return true;
            }
        }
        return false;
    }
}
