package dev.pulse.catalog.validate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.source.Diagnostics;
import dev.pulse.catalog.compile.IntentMatcher;
import dev.pulse.detect.SessionStateFlyweight;

import static dev.pulse.catalog.validate.ValueChecks.error;

/**
 * Checks the search intents: names, at most {@value #MAX_INTENTS} of them, each a non-empty list of
 * words and phrases of bounded size, no regular expressions (a trailing {@code *} is the one
 * pattern: a prefix of at least {@value #MIN_PREFIX} letters), no term twice in an intent, and a
 * warning for a term in two intents, which the intent declared first wins.
 */
final class IntentValidator
{
    static final int MAX_INTENTS = SessionStateFlyweight.MAX_INTENTS;
    static final int MAX_TERMS = 100;
    static final int MAX_TERM_LENGTH = 64;
    static final int MAX_TERM_WORDS = 6;
    static final int MIN_PREFIX = 3;
    private static final String REGEX_CHARS = "\\^$|()[]{}+?";

    /** The names of the valid intents, in catalog order. */
    Set<String> validate(final List<CatalogModel.Intent> intents, final Diagnostics diagnostics)
    {
        final Set<String> names = new LinkedHashSet<>();
        final Map<String, String> intentByTerm = new HashMap<>();
        for (int i = 0; i < intents.size(); i++)
        {
            final CatalogModel.Intent intent = intents.get(i);
            final Located<String> name = intent.name();
            ValueChecks.validId(name, diagnostics);
            if (i == MAX_INTENTS)
            {
                error(diagnostics, name, "more than " + MAX_INTENTS + " intents", "merge intents that lead to the same question");
            }
            if (intent.terms().isEmpty())
            {
                diagnostics.error(intent.node(), intent.path(), "the intent '" + name.value() + "' has no words, so no search can match it",
                    "list words or phrases: " + name.value() + ": [word, \"a phrase\"]");
            }
            if (intent.terms().size() > MAX_TERMS)
            {
                diagnostics.error(intent.node(), intent.path(), "the intent '" + name.value() + "' has " + intent.terms().size() +
                    " words and phrases, more than " + MAX_TERMS, "keep the words that say the intent; the matcher already ignores case and accents");
            }
            names.add(name.value());
            final Set<String> own = new HashSet<>();
            for (final Located<String> term : intent.terms())
            {
                final String canonical = term(term, diagnostics);
                if (canonical == null)
                {
                    continue;
                }
                if (!own.add(canonical))
                {
                    diagnostics.warning(term.node(), term.path(), "'" + term.value() + "' is listed twice in the intent '" + name.value() + "'",
                        "case and accents do not count: drop one");
                    continue;
                }
                final String first = intentByTerm.putIfAbsent(canonical, name.value());
                if (first != null)
                {
                    diagnostics.warning(term.node(), term.path(), "'" + term.value() + "' is in the intents '" + first + "' and '" +
                        name.value() + "': a search with it is '" + first + "', declared first", "keep it in one intent");
                }
            }
        }
        return names;
    }

    /** The term's canonical form (folded words, single spaces), or null if it is not a usable term (reported). */
    private static String term(final Located<String> term, final Diagnostics diagnostics)
    {
        final String text = term.value();
        for (int i = 0; i < text.length(); i++)
        {
            if (REGEX_CHARS.indexOf(text.charAt(i)) >= 0)
            {
                error(diagnostics, term, "'" + text + "' looks like a regular expression, which intents do not take",
                    "write words and phrases; a trailing * matches any word it begins (refund* matches refunds, refunded)");
                return null;
            }
        }
        if (text.length() > MAX_TERM_LENGTH)
        {
            error(diagnostics, term, "'" + text + "' is longer than " + MAX_TERM_LENGTH + " characters", "a few words say an intent");
            return null;
        }
        for (final String word : text.trim().split("\\s+"))
        {
            final int star = word.indexOf('*');
            if (star >= 0 && star != word.length() - 1)
            {
                error(diagnostics, term, "'" + text + "' has a * inside a word", "a * may only end a word: refund*");
                return null;
            }
            if (star >= 0 && letters(word) < MIN_PREFIX)
            {
                error(diagnostics, term, "the prefix '" + word + "' is shorter than " + MIN_PREFIX + " letters, so it would match too much",
                    "write more of the word: ref*");
                return null;
            }
        }
        final String canonical = IntentMatcher.canonical(text);
        if (canonical.isEmpty())
        {
            error(diagnostics, term, "'" + text + "' has no letters or digits, so it matches nothing", "write a word");
            return null;
        }
        if (canonical.split(" ").length > MAX_TERM_WORDS)
        {
            error(diagnostics, term, "the phrase '" + text + "' has more than " + MAX_TERM_WORDS + " words", "keep the words that say the intent");
            return null;
        }
        return canonical;
    }

    private static int letters(final String word)
    {
        int letters = 0;
        for (int i = 0; i < word.length(); i++)
        {
            letters += Character.isLetterOrDigit(word.charAt(i)) ? 1 : 0;
        }
        return letters;
    }
}
