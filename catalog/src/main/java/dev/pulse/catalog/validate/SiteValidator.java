package dev.pulse.catalog.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.source.Diagnostics;

import static dev.pulse.catalog.validate.ValueChecks.error;

/**
 * Checks the site: its key is a simple name, each origin is one a browser can send (or {@code self}),
 * each {@code keep_query} entry a query parameter name as a URL spells it, each {@code client_context}
 * entry a context key.
 */
final class SiteValidator
{
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    /**
     * A query parameter name of unreserved characters only (RFC 3986): its raw and its decoded form are
     * the same, so the server's allow-list compares names as sent, and no escape can smuggle one past it.
     */
    static final Pattern QUERY_NAME = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
    /** A context key: the characters a signed token's context may carry (see the server's SessionToken). */
    static final Pattern CONTEXT_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** The longest wording of "Did this help?" (question, buttons, thanks): one short line under a response. */
    static final int MAX_FEEDBACK_WORDING = 80;
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    /** Spellings of {@code self} that are not it (CSP writes it quoted): an error that says how to write it. */
    private static final Pattern SELF_LOOKALIKE = Pattern.compile("(?i)['\"]?self['\"]?");

    void validate(final CatalogModel.Site site, final Diagnostics diagnostics)
    {
        if (site == null)
        {
            return;
        }
        if (site.key() != null && !NAME.matcher(site.key().value()).matches())
        {
            error(diagnostics, site.key(), "the site key '" + site.key().value() + "' is not a simple name",
                "use lower-case letters, digits, '-' or '_', starting with a letter");
        }
        if (site.origins().isEmpty())
        {
            diagnostics.warning(site.node(), "site.origins", "no origins: no browser can connect to this site",
                "list the site's origins, e.g. [https://shop.example]");
        }
        for (final Located<String> origin : site.origins())
        {
            final String value = origin.value();
            if (value.equals(CompiledCatalog.SELF_ORIGIN))
            {
                continue;
            }
            if (SELF_LOOKALIKE.matcher(value).matches())
            {
                error(diagnostics, origin, "'" + value + "' is not an origin",
                    "write self, lower-case and unquoted, for the origin of the server's own pages");
            }
            else if (!ORIGIN.matcher(value).matches())
            {
                error(diagnostics, origin, "'" + value + "' is not an origin",
                    "an origin is scheme://host[:port] with no path or trailing slash, e.g. https://shop.example, " +
                    "or self for the server's own pages");
            }
        }
        names(site.keepQuery(), QUERY_NAME, "site.keep_query", "is not a query parameter name",
            "list names as the URL spells them, 1 to 64 of A-Z a-z 0-9 . _ ~ -, e.g. keep_query: [utm_source, ref]", diagnostics);
        names(site.clientContext(), CONTEXT_KEY, "site.client_context", "is not a context key",
            "list context keys, 1 to 64 of A-Z a-z 0-9 _ -, e.g. client_context: [device]", diagnostics);
        names(site.contextKeys(), CONTEXT_KEY, "site.context_keys", "is not a context key",
            "list context keys, 1 to 64 of A-Z a-z 0-9 _ -, e.g. context_keys: [first_name, plan]", diagnostics);
        TimeChecks.zone(site.timeZone(), diagnostics);
        final CatalogModel.Feedback feedback = site.feedback();
        if (feedback != null)
        {
            wording(feedback.question(), diagnostics);
            wording(feedback.yes(), diagnostics);
            wording(feedback.no(), diagnostics);
            wording(feedback.thanks(), diagnostics);
        }
    }

    /** A word of {@code feedback_copy}: something to read, short enough for a line under a response. */
    private static void wording(final Located<String> text, final Diagnostics diagnostics)
    {
        if (text != null && (text.value().isBlank() || text.value().length() > MAX_FEEDBACK_WORDING))
        {
            error(diagnostics, text, "feedback wording must be 1 to " + MAX_FEEDBACK_WORDING + " characters",
                "write a short line, e.g. question: \"War das hilfreich?\"");
        }
    }

    /** Each entry matches {@code pattern} (an error at it otherwise); one listed twice is a warning. */
    private static void names(final List<Located<String>> names, final Pattern pattern, final String path, final String problem,
        final String hint, final Diagnostics diagnostics)
    {
        final Set<String> seen = new HashSet<>();
        for (final Located<String> name : names)
        {
            if (!pattern.matcher(name.value()).matches())
            {
                error(diagnostics, name, "'" + name.value() + "' " + problem, hint);
            }
            else if (!seen.add(name.value()))
            {
                diagnostics.warning(name.node(), name.path(), "'" + name.value() + "' is listed twice in " + path, "list it once");
            }
        }
    }
}
