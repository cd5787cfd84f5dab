package dev.pulse.catalog;

import java.util.List;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.source.Diagnostic;
/**
 * What loading a catalog file produced: the compiled catalog when there were no errors, and every
 * finding (errors and warnings) either way.
 */
public record LoadResult(CompiledCatalog catalog, List<Diagnostic> diagnostics)
{
    public boolean ok()
    {
        return catalog != null;
    }

    public List<Diagnostic> errors()
    {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings()
    {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    /** One finding per line, as a compiler prints them, then a summary line. */
    public String report()
    {
        final StringBuilder out = new StringBuilder();
        for (final Diagnostic diagnostic : diagnostics)
        {
            out.append(diagnostic.format()).append('\n');
        }
        final long errors = errors().size();
        final long warnings = warnings().size();
        out.append(errors).append(errors == 1 ? " error, " : " errors, ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
        if (catalog != null)
        {
            out.append(": ").append(catalog.sourceName()).append(" is valid (site ").append(catalog.siteKey())
                .append(", version ").append(catalog.version()).append(", hash ").append(catalog.versionHashHex()).append(')');
        }
        return out.append('\n').toString();
    }
}
