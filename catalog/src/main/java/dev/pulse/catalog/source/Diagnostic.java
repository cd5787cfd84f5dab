package dev.pulse.catalog.source;

/**
 * One finding about a catalog file, reported the way a compiler reports: where (file, line,
 * column, the path in the document), what is wrong, and what to do about it.
 *
 * @param severity an error makes the catalog unusable; a warning does not.
 * @param location where in the file (line and column are 1-based).
 * @param path     the path in the document, e.g. {@code triggers[2].thresholds.window}.
 * @param message  what is wrong.
 * @param hint     what to do (may be empty).
 */
public record Diagnostic(Severity severity, Location location, String path, String message, String hint)
{
    /** How bad a finding is. */
    public enum Severity
    {
        ERROR,
        WARNING
    }

    public boolean isError()
    {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: error: path: message (hint)}, one line. */
    public String format()
    {
        return location + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + path + ": " + message +
            (hint.isEmpty() ? "" : " (" + hint + ")");
    }

    @Override
    public String toString()
    {
        return format();
    }
}
