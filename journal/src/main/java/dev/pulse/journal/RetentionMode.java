package dev.pulse.journal;

import java.util.Locale;

/**
 * What retention does with a sealed segment past {@code journal_retention} (age or size):
 * {@link #DELETE} it, or {@link #COMPACT} it to the records the report reads ({@link ReportRecords}),
 * so the report still covers its days while the captured messages (RAW_EVENT) and what else only the
 * replay reads are gone. Setting {@code journal_retention_mode}.
 */
public enum RetentionMode
{
    /** The segment is deleted (the default). */
    DELETE,
    /** The segment is rewritten to the report's records; the size limit still deletes the oldest when they alone exceed it. */
    COMPACT;

    /** The mode named {@code text} ({@code delete} or {@code compact}, any case), or null when it names none. */
    public static RetentionMode parse(final String text)
    {
        for (final RetentionMode mode : values())
        {
            if (mode.name().equals(text.trim().toUpperCase(Locale.ROOT)))
            {
                return mode;
            }
        }
        return null;
    }
}
