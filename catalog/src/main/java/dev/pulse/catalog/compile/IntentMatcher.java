package dev.pulse.catalog.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * A catalog's search intents, compiled: classifies a search's words into at most one intent. A
 * term matches whole words (case and accents aside, {@link SearchFold}); a phrase, its words next
 * to each other in order; a word written with a trailing {@code *}, any word it begins. When terms
 * of several intents match, the intent declared first in the catalog wins (the validator warns of
 * a term in two intents). No regular expressions: matching is a bounded walk over at most
 * {@link SearchWords#MAX_WORDS} words and the terms whose first letter a word shares, with no
 * backtracking.
 *
 * <p>Immutable and shared by every event loop; each loop brings its own {@link SearchWords}.
 * {@link #classify} allocates nothing.
 */
public final class IntentMatcher
{
    /** No intent: the search's words matched none (or the catalog declares none). */
    public static final int NONE = 0;
    /** The catalog with no intents. */
    public static final IntentMatcher EMPTY = new IntentMatcher(List.of(), List.of());

    private static final int BUCKETS = 64;

    private final List<String> names;
    private final IntentTerm[][] termsByFirstChar = new IntentTerm[BUCKETS][];

    /**
     * @param names the intents in catalog order: intent {@code i + 1} is {@code names.get(i)}.
     * @param terms each intent's terms as the catalog writes them, in the same order.
     */
    public IntentMatcher(final List<String> names, final List<List<String>> terms)
    {
        this.names = List.copyOf(names);
        final List<List<IntentTerm>> buckets = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++)
        {
            buckets.add(new ArrayList<>());
        }
        for (int i = 0; i < terms.size(); i++)
        {
            for (final String text : terms.get(i))
            {
                final IntentTerm term = IntentTerm.of(text, i + 1);
                if (term.words().length > 0)
                {
                    buckets.get(term.words()[0][0] & BUCKETS - 1).add(term);
                }
            }
        }
        for (int i = 0; i < BUCKETS; i++)
        {
            termsByFirstChar[i] = buckets.get(i).toArray(new IntentTerm[0]);
        }
    }

    /** The intent of {@code query}, read into {@code words} (the caller's scratch): its number, or {@link #NONE}. */
    public int classify(final CharSequence query, final SearchWords words)
    {
        if (names.isEmpty())
        {
            return NONE;
        }
        words.read(query);
        int best = Integer.MAX_VALUE;
        for (int at = 0, count = words.count(); at < count && best > 1; at++)
        {
            for (final IntentTerm term : termsByFirstChar[words.firstChar(at) & BUCKETS - 1])
            {
                if (term.intent() < best && term.matchesAt(words, at))
                {
                    best = term.intent();
                }
            }
        }
        return best == Integer.MAX_VALUE ? NONE : best;
    }

    /** The name of intent {@code intent}, or null for {@link #NONE} and numbers the catalog does not have. */
    public String name(final int intent)
    {
        return intent >= 1 && intent <= names.size() ? names.get(intent - 1) : null;
    }

    /** The number of the intent named {@code name}, or {@link #NONE}. */
    public int number(final String name)
    {
        return names.indexOf(name) + 1;
    }

    /**
     * A term as the matcher reads it: its folded words joined by single spaces, each prefix with
     * its {@code *} ("Send  BACK" and "send back" are the same term); "" for a term of no words.
     */
    public static String canonical(final String term)
    {
        return IntentTerm.of(term, 1).canonical();
    }

    /** The intents' names, in catalog order (intent 1 first). */
    public List<String> names()
    {
        return names;
    }
}
