package dev.pulse.catalog.validate;

import java.util.regex.Pattern;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.source.Diagnostics;

import static dev.pulse.catalog.validate.ValueChecks.error;

/** Checks the site: its key is a simple name, and each origin is one a browser can send (or {@code self}). */
final class SiteValidator
{
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
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
    }
}
