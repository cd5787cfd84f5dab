package dev.pulse.server.logging;

import java.net.URI;

import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;

import dev.pulse.server.config.LogFormat;
import dev.pulse.server.config.LogLevel;

/**
 * The configuration Log4j starts with (named in {@code log4j2.component.properties}), before any
 * setting is read: text from INFO on, to stderr, so a problem while reading the settings is still a
 * clear line there. Log4j looks for no configuration file: {@link Logs#apply} is the only change.
 */
public final class PulseLogConfigurationFactory extends ConfigurationFactory
{
    private static final String[] EVERY_TYPE = {"*"};

    @Override
    protected String[] getSupportedTypes()
    {
        return EVERY_TYPE.clone();
    }

    @Override
    public Configuration getConfiguration(final LoggerContext loggerContext, final ConfigurationSource source)
    {
        return LogConfigurations.build(LogFormat.TEXT, LogLevel.INFO);
    }

    @Override
    public Configuration getConfiguration(final LoggerContext loggerContext, final String name, final URI configLocation)
    {
        return LogConfigurations.build(LogFormat.TEXT, LogLevel.INFO);
    }
}
