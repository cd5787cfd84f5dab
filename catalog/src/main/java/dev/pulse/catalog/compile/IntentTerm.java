package dev.pulse.catalog.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * One word or phrase of an intent, compiled: its words folded as search text is
 * ({@link SearchFold}), each matching a whole word, or any word it begins when written with a
 * trailing {@code *}. A phrase matches its words in order, next to each other.
 *
 * @param words  the folded words, at least one.
 * @param prefix for each word, whether it matches as a prefix.
 * @param intent the intent's number (1 for the catalog's first).
 */
record IntentTerm(char[][] words, boolean[] prefix, int intent)
{
    /** The catalog's text of a term, folded; words that fold to nothing are dropped, so a term of no words has none. */
    static IntentTerm of(final String text, final int intent)
    {
        final List<char[]> words = new ArrayList<>();
        final List<Boolean> prefixes = new ArrayList<>();
        for (final String part : text.trim().split("\\s+"))
        {
            final boolean prefix = part.endsWith("*");
            final SearchWords folded = new SearchWords().read(prefix ? part.substring(0, part.length() - 1) : part);
            for (int i = 0; i < folded.count(); i++)
            {
                words.add(folded.word(i).toCharArray());
                // Only the last word a part folds into ("e-mail*" is "e" then "mail*") is a prefix.
                prefixes.add(prefix && i == folded.count() - 1);
            }
        }
        final boolean[] prefix = new boolean[prefixes.size()];
        for (int i = 0; i < prefix.length; i++)
        {
            prefix[i] = prefixes.get(i);
        }
        return new IntentTerm(words.toArray(new char[0][]), prefix, intent);
    }

    /** Whether the term's words are the search's from word {@code at} on. */
    boolean matchesAt(final SearchWords search, final int at)
    {
        if (at + words.length > search.count())
        {
            return false;
        }
        for (int i = 0; i < words.length; i++)
        {
            if (!search.matches(at + i, words[i], prefix[i]))
            {
                return false;
            }
        }
        return true;
    }

    /** The term's words joined by single spaces, with its {@code *}s: how two terms are compared. */
    String canonical()
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.length; i++)
        {
            text.append(i == 0 ? "" : " ").append(words[i]).append(prefix[i] ? "*" : "");
        }
        return text.toString();
    }
}
