package dev.pulse.server;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.pulse.server.config.DemoSettings;
import dev.pulse.server.config.ServerConfig;

/**
 * {@code pulse serve}: merges the settings (defaults, {@code --config} file, {@code PULSE_*}
 * variables, the flags {@link SettingOptions} declares), starts the server and blocks until it
 * stops. SIGTERM or Ctrl-C drains and stops it, SIGHUP reloads ({@link ProcessSignals}); a JVM
 * exit for any other reason runs a shutdown hook that closes it at once.
 */
@Command(
    name = "serve",
    abbreviateSynopsis = true,
    description = "Runs the server: WebSocket and HTTP routes on one port (the default command).",
    footer = {
        "",
        "Every setting is a flag here, a PULSE_* environment variable and a key of the --config file. Settings are read "
            + "from the defaults, then --config FILE, then the environment, then these flags; each overrides the one before. "
            + "'pulse config check' with the same flags prints what serve would run with."})
public final class ServeCommand implements Callable<Integer>
{
    private final ServerLauncher launcher;
    private final SettingOptions settings;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    public ServeCommand(final ServerLauncher launcher, final Map<String, String> environment)
    {
        this.launcher = launcher;
        this.settings = new SettingOptions(environment);
    }

    /** This command with a flag for every setting. */
    CommandLine commandLine()
    {
        return settings.commandLine(this);
    }

    @Override
    public Integer call() throws Exception
    {
        final ServerConfig config = settings.load().config();
        final ServerLauncher.Running server = launcher.start(config);
        final Thread shutdownHook = new Thread(server::close, "pulse-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        ProcessSignals.install(server::drainAndClose, server::reload);
        final PrintWriter out = spec.commandLine().getOut();
        final String scheme = config.tlsCertFile() != null ? "https" : "http";
        out.println("Pulse listening on " + scheme + "://" + host(config.bind()) + ":" + server.port() + "/"
            + (DemoSettings.served(config) ? "  (demo: " + scheme + "://localhost:" + server.port() + "/demo/)" : ""));
        out.flush();
        try
        {
            server.awaitShutdown();
        }
        finally
        {
            removeShutdownHook(shutdownHook);
            server.close();
        }
        return PulseMain.EXIT_OK;
    }

    private static String host(final String bind)
    {
        return bind.indexOf(':') >= 0 ? '[' + bind + ']' : bind;
    }

    private static void removeShutdownHook(final Thread hook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException ex)
        {
            // The JVM is already shutting down: the hook is what stopped the server. Nothing to undo.
        }
    }
}
