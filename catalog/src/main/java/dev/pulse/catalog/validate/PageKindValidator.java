package dev.pulse.catalog.validate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pulse.catalog.compile.PathPatterns;
import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.Located;
import dev.pulse.catalog.source.Diagnostics;

import static dev.pulse.catalog.validate.ValueChecks.error;

/**
 * Checks the page kinds (simple names with distinct hashes, patterns that are paths, no path
 * matched exactly twice, not more kinds than a session record can hold) and the journey (known
 * kinds, each in one place).
 */
final class PageKindValidator
{
    /** The page kinds by name, as triggers and the journey refer to them. */
    Map<String, CatalogModel.PageKind> pageKinds(final CatalogModel catalog, final Diagnostics diagnostics)
    {
        final Map<String, CatalogModel.PageKind> kinds = new LinkedHashMap<>();
        final Map<String, Located<String>> exactPatterns = new HashMap<>();
        final Set<Integer> keys = new HashSet<>();
        for (final CatalogModel.PageKind kind : catalog.pageKinds())
        {
            if (!SiteValidator.NAME.matcher(kind.name().value()).matches())
            {
                error(diagnostics, kind.name(), "the page kind '" + kind.name().value() + "' is not a simple name",
                    "use lower-case letters, digits, '-' or '_', starting with a letter");
            }
            if (!kinds.containsKey(kind.name().value()))
            {
                // Session records and outcome windows remember a page kind across reloads by this hash of its name.
                ValueChecks.distinctKey(kind.name(), keys, diagnostics);
            }
            kinds.put(kind.name().value(), kind);
            for (final CatalogModel.Pattern pattern : kind.patterns())
            {
                final String problem = PathPatterns.problem(pattern.type(), pattern.pattern().value());
                if (problem != null)
                {
                    error(diagnostics, pattern.pattern(), problem, "patterns are paths: /pricing, /docs/ (prefix), /product/*/reviews (glob)");
                }
                else if (pattern.type() == CatalogModel.PatternType.EXACT)
                {
                    final String normalised = PathPatterns.normalise(pattern.pattern().value());
                    final Located<String> earlier = exactPatterns.putIfAbsent(normalised, pattern.pattern());
                    if (earlier != null)
                    {
                        error(diagnostics, pattern.pattern(), "the path " + normalised + " is already matched exactly at line " +
                            earlier.location().line(), "a path belongs to one page kind");
                    }
                }
            }
        }
        if (kinds.size() > CatalogValidator.MAX_PAGE_KINDS)
        {
            diagnostics.error(catalog.pageKinds().get(CatalogValidator.MAX_PAGE_KINDS).node(), "pages",
                "more than " + CatalogValidator.MAX_PAGE_KINDS + " page kinds", "group pages into fewer kinds");
        }
        if (kinds.isEmpty() && catalog.site() != null)
        {
            diagnostics.error(catalog.site().node(), "pages", "no page kinds", "name at least the pages triggers apply to");
        }
        return kinds;
    }

    /** Every stage of the journey names known page kinds, each kind in one place. */
    void journey(final List<List<Located<String>>> journey, final Map<String, CatalogModel.PageKind> kinds,
        final Diagnostics diagnostics)
    {
        final Set<String> seen = new HashSet<>();
        for (final List<Located<String>> stage : journey)
        {
            for (final Located<String> kind : stage)
            {
                ValueChecks.unknownKind(kind, kinds, diagnostics);
                if (!seen.add(kind.value()))
                {
                    error(diagnostics, kind, "'" + kind.value() + "' appears twice in the journey", "a page kind has one place in the journey");
                }
            }
        }
    }
}
