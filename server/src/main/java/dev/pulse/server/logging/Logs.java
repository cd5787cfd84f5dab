package dev.pulse.server.logging;

import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;

import dev.pulse.server.config.LogFormat;
import dev.pulse.server.config.LogLevel;

/**
 * Switches the process's logging to the settings' {@code log_format} and {@code log_level}. Until
 * then (while the settings are read, and in every command but {@code serve}) records are text from
 * INFO on ({@link PulseLogConfigurationFactory}). The only door to the backend: the rest of Pulse
 * logs through the SLF4J API (ArchitectureTest).
 */
public final class Logs
{
    private Logs()
    {
    }

    /**
     * From now on every record is written as {@code format}, from {@code level} on.
     *
     * @throws IllegalStateException if Log4j could not build the writer (its own errors are on
     *                               stderr): a server that would log nothing does not start.
     */
    public static void apply(final LogFormat format, final LogLevel level)
    {
        start(LogConfigurations.build(format, level));
    }

    static void start(final Configuration configuration)
    {
        Configurator.reconfigure(configuration);
        // Log4j reports a layout or appender it cannot build on its status logger and goes on without it.
        if (configuration.getAppender(LogConfigurations.APPENDER) == null)
        {
            throw new IllegalStateException("the logging configuration " + configuration.getName() +
                " could not be built (Log4j's errors are above): its records would go nowhere");
        }
    }
}
