package dev.pulse.catalog.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Collects every finding of one load, so that a file's errors are all reported in one pass. */
public final class Diagnostics
{
    private final List<Diagnostic> findings = new ArrayList<>();

    public void error(final Node node, final String path, final String message, final String hint)
    {
        add(Diagnostic.Severity.ERROR, node.location(), path, message, hint);
    }

    public void error(final Location location, final String path, final String message, final String hint)
    {
        add(Diagnostic.Severity.ERROR, location, path, message, hint);
    }

    public void warning(final Node node, final String path, final String message, final String hint)
    {
        add(Diagnostic.Severity.WARNING, node.location(), path, message, hint);
    }

    private void add(
        final Diagnostic.Severity severity, final Location location, final String path, final String message, final String hint)
    {
        findings.add(new Diagnostic(severity, location, path, message, hint == null ? "" : hint));
    }

    public boolean hasErrors()
    {
        return findings.stream().anyMatch(Diagnostic::isError);
    }

    public long errorCount()
    {
        return findings.stream().filter(Diagnostic::isError).count();
    }

    /** Every finding, in file order. */
    public List<Diagnostic> all()
    {
        final List<Diagnostic> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.location().line()).thenComparingInt(d -> d.location().column()));
        return Collections.unmodifiableList(sorted);
    }
}
