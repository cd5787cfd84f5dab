package dev.pulse.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The report's formats: a self-contained HTML page for people, JSON and one tidy CSV table for
 * machines. All three print the same figures of one {@link Report}.
 */
public enum ReportFormat
{
    HTML("text/html; charset=utf-8", "report.html"),
    JSON("application/json", "report.json"),
    CSV("text/csv; charset=utf-8", "report.csv");

    private final String contentType;
    private final String fileName;

    ReportFormat(final String contentType, final String fileName)
    {
        this.contentType = contentType;
        this.fileName = fileName;
    }

    /** The HTTP Content-Type of this format. */
    public String contentType()
    {
        return contentType;
    }

    /** A file name for a download of this format. */
    public String fileName()
    {
        return fileName;
    }

    /** The name as written on the command line and in URLs: html, json, csv. */
    public String wireName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Writes {@code report} in this format and flushes {@code out} (which stays open). */
    public void write(final Report report, final Writer out) throws IOException
    {
        switch (this)
        {
            case HTML -> HtmlReportWriter.write(report, out);
            case JSON -> JsonReportWriter.write(report, out);
            case CSV -> CsvReportWriter.write(report, out);
        }
    }

    /** The format named {@code name} (any case); null or blank is HTML. IllegalArgumentException for another name. */
    public static ReportFormat parse(final String name)
    {
        if (name == null || name.isBlank())
        {
            return HTML;
        }
        for (final ReportFormat format : values())
        {
            if (format.wireName().equalsIgnoreCase(name.strip()))
            {
                return format;
            }
        }
        throw new IllegalArgumentException("format: one of html, json, csv");
    }
}
