package dev.pulse.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.pulse.server.config.LogFormat;
import dev.pulse.server.config.LogLevel;
import dev.pulse.server.logging.Logs;

/**
 * What is written to stderr while this is in place: the console appender follows {@code System.err},
 * so the records of the logging configuration land here. Closing puts the real stderr back and the
 * logging back to what the process starts with (text from INFO on).
 */
public final class CapturedStderr implements AutoCloseable
{
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public CapturedStderr()
    {
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /** The lines that mention {@code marker} (a logger's name, a message's words), line breaks taken off. */
    public List<String> linesWith(final String marker)
    {
        return bytes.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(marker)).toList();
    }

    @Override
    public void close()
    {
        System.setErr(original);
        Logs.apply(LogFormat.TEXT, LogLevel.INFO);
    }
}
