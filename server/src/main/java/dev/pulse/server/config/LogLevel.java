package dev.pulse.server.config;

import java.util.Locale;

/** The least severe level that is logged ({@code log_level}). */
public enum LogLevel
{
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE;

    /** As an operator writes it. */
    public String key()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
