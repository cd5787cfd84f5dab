package dev.pulse.server.logging;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.api.LayoutComponentBuilder;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

import dev.pulse.server.config.LogFormat;
import dev.pulse.server.config.LogLevel;

/**
 * Pulse's one logging configuration, built in code: every record to stderr, one line per record,
 * as text or as a JSON object, from a least severe level on. The libraries Pulse runs on (Netty,
 * Chronicle) log from WARN only, unless the level asks for less still.
 */
final class LogConfigurations
{
    /**
     * One text line: time (UTC, ms), level, thread, the logger's class name, the message; then the
     * connection and session when the line is about one; then the exception. Line breaks in the
     * message and in the stack trace are written escaped ({@code \n}, {@code \r}, as {@code %enc{}{CRLF}}
     * does), so a line-based collector never splits a record and a client's text cannot forge a line.
     */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}{UTC} %-5level [%thread] %logger{1}: %enc{%message}{CRLF}"
        + "%notEmpty{ " + LogFields.CONNECTION + "=%X{" + LogFields.CONNECTION + "}}"
        + "%notEmpty{ " + LogFields.SESSION + "=%X{" + LogFields.SESSION + "}}"
        + "%notEmpty{ %enc{%throwable}{CRLF}}%n";

    /** The JSON record's fields (time, level, logger, thread, message, the MDC's, exception): see the file. */
    static final String JSON_EVENT_TEMPLATE = "classpath:dev/pulse/server/logging/log-event.json";

    static final String APPENDER = "stderr";
    private static final String[] LIBRARIES = {"io.netty", "net.openhft"};

    private LogConfigurations()
    {
    }

    /** The configuration writing {@code format} from {@code level} on. */
    static Configuration build(final LogFormat format, final LogLevel level)
    {
        final ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setConfigurationName("pulse-" + format.key() + "-" + level.key());
        // Log4j's own problems (a layout that cannot be built) still reach stderr.
        builder.setStatusLevel(Level.WARN);
        // No shutdown hook of Log4j's: the server logs its last lines from its own shutdown hook, and
        // every record is written through at once (immediateFlush), so nothing is left to stop.
        builder.setShutdownHook("disable");
        // follow: the stderr of the moment (a test may swap it); records are rare, so the indirection costs nothing.
        final AppenderComponentBuilder stderr = builder.newAppender(APPENDER, "Console")
            .addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR)
            .addAttribute("follow", true)
            .add(layout(builder, format));
        builder.add(stderr);
        final Level least = log4jLevel(level);
        final Level libraries = least.isLessSpecificThan(Level.WARN) ? Level.WARN : least;
        for (final String library : LIBRARIES)
        {
            builder.add(builder.newLogger(library, libraries));
        }
        builder.add(builder.newRootLogger(least).add(builder.newAppenderRef(APPENDER)));
        return builder.build(false);
    }

    private static LayoutComponentBuilder layout(final ConfigurationBuilder<BuiltConfiguration> builder, final LogFormat format)
    {
        if (format == LogFormat.JSON)
        {
            return builder.newLayout("JsonTemplateLayout").addAttribute("eventTemplateUri", JSON_EVENT_TEMPLATE);
        }
        // The exception is in the pattern, escaped: the layout must not append it again unescaped.
        return builder.newLayout("PatternLayout").addAttribute("pattern", TEXT_PATTERN).addAttribute("alwaysWriteExceptions", false);
    }

    static Level log4jLevel(final LogLevel level)
    {
        switch (level)
        {
            case ERROR:
                return Level.ERROR;
            case WARN:
                return Level.WARN;
            case DEBUG:
                return Level.DEBUG;
            case TRACE:
                return Level.TRACE;
            default:
                return Level.INFO;
        }
    }
}
