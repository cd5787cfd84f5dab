package dev.pulse.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;

import dev.pulse.server.PulseMain;
import dev.pulse.server.ServerLauncher;
import dev.pulse.server.config.ServerConfig;

/**
 * The {@code pulse} command line run in the test's JVM with a given environment: its exit status,
 * what it printed, and the config {@code serve} would have started (servers stop at once).
 */
final class Cli
{
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<ServerConfig> started = new ArrayList<>();
    final int status;

    private Cli(final Map<String, String> environment, final String... args)
    {
        final CommandLine commandLine = PulseMain.commandLine(this::start, environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        status = PulseMain.execute(commandLine, args);
    }

    static Cli run(final Map<String, String> environment, final String... args)
    {
        return new Cli(environment, args);
    }

    /** What {@code serve} with {@code args} would start; fails the test, with what it printed, if it would not start. */
    static ServerConfig served(final Map<String, String> environment, final String... args)
    {
        final Cli cli = run(environment, args);
        if (cli.status != 0 || cli.started.size() != 1)
        {
            throw new AssertionError(String.join(" ", args) + " exited " + cli.status + ":\n" + cli.err);
        }
        return cli.started.get(0);
    }

    /** The line {@code config check} printed for {@code key}: {@code port  9090  (flag --port)}, or null. */
    String settingLine(final String key)
    {
        for (final String line : out.toString().split("\\R"))
        {
            if (line.startsWith(key + " "))
            {
                return line;
            }
        }
        return null;
    }

    private ServerLauncher.Running start(final ServerConfig config)
    {
        started.add(config);
        return new ServerLauncher.Running()
        {
            @Override
            public int port()
            {
                return config.port();
            }

            @Override
            public void awaitShutdown()
            {
            }

            @Override
            public void close()
            {
            }

            @Override
            public void drainAndClose()
            {
            }

            @Override
            public void reload()
            {
            }
        };
    }
}
