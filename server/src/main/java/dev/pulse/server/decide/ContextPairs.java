package dev.pulse.server.decide;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.ContextRecorder;
import dev.pulse.detect.Event;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * Puts context into a session record: each pair as hashes with its number (NaN when the value is
 * not one) and its trust, and the text of each key the catalog's templates insert. A hello's pairs
 * come from {@code HelloContext} (the signed token's first: trusted); a backend {@code context}
 * event's fields are trusted, their hashes and numbers already in the record
 * ({@link ContextRecorder}), their texts added here. An untrusted value never overwrites a trusted
 * one, text or hash. Allocation-free.
 */
public final class ContextPairs
{
    private ContextPairs()
    {
    }

    /**
     * @param strings      key, value, key, value, ...
     * @param pairs        how many pairs {@code strings} holds.
     * @param trustedPairs how many of the first pairs the site's backend vouched for.
     */
    public static void put(final CompiledCatalog catalog, final SessionStateFlyweight state, final CharSequence[] strings,
        final int pairs, final int trustedPairs)
    {
        for (int i = 0; i < pairs; i++)
        {
            final CharSequence key = strings[2 * i];
            final CharSequence value = strings[2 * i + 1];
            final boolean trusted = i < trustedPairs;
            final long keyHash = Hash64.of(key);
            state.context().putContext(keyHash, Hash64.of(value), ContextRecorder.number(value), trusted);
            if (catalog.templateKeys().contains(key))
            {
                state.context().putContextText(keyHash, value, trusted);
            }
        }
    }

    /** Keeps the texts of a backend {@code context} event's fields whose keys the catalog's templates insert. */
    static void putBackendTexts(final CompiledCatalog catalog, final SessionStateFlyweight state, final Event event)
    {
        if (!ContextRecorder.isContextEvent(event))
        {
            return;
        }
        for (int i = 0; i < event.backendFieldCount(); i++)
        {
            if (catalog.isTemplateKey(event.backendFieldKeyHash(i)))
            {
                state.context().putContextText(event.backendFieldKeyHash(i), event.backendFieldText(i), true);
            }
        }
    }
}
