package dev.pulse.server.config;

import java.util.Locale;

/** How log records are written ({@code log_format}): one line each either way. */
public enum LogFormat
{
    /** For people: time, level, logger, message. */
    TEXT,
    /** For collectors: one JSON object per line. */
    JSON;

    /** As an operator writes it. */
    public String key()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
