package dev.pulse.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.server.config.ConfigLoader;
import dev.pulse.server.config.ServerConfig;

/**
 * {@code pulse serve}: merges the settings (defaults, {@code --config} file, {@code PULSE_*}
 * variables, these flags), starts the server and blocks until it stops. SIGTERM or Ctrl-C drains
 * and stops it, SIGHUP reloads ({@link ProcessSignals}); a JVM exit for any other reason runs a
 * shutdown hook that closes it at once.
 */
@Command(
    name = "serve",
    description = "Runs the server: WebSocket, HTTP routes and the demo store on one port (the default command).",
    footer = {
        "",
        "Settings are read from the defaults, then --config FILE, then PULSE_* environment variables "
            + "(PULSE_PORT, PULSE_DATA_DIR, PULSE_ADMIN_TOKEN, PULSE_SIGNING_KEY, ...), then these flags; each overrides the one before."})
public final class ServeCommand implements Callable<Integer>
{
    private final ServerLauncher launcher;
    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--port", paramLabel = "PORT", description = "Port for WebSocket and HTTP; 0 picks a free one (default 8080).")
    private Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default 0.0.0.0).")
    private String bind;

    @Option(names = "--data", paramLabel = "DIR", description = "Where sessions and the journal live (default pulse-data).")
    private Path dataDir;

    @Option(names = "--catalog", paramLabel = "FILE", description = "The catalog (default: the bundled demo catalog).")
    private Path catalogFile;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML file of settings (snake_case keys: port, data_dir, fsync_policy, ...).")
    private Path configFile;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
        description = "Bearer token for /admin; without one /admin is off. Prefer PULSE_ADMIN_TOKEN: command lines are visible to other users.")
    private String adminToken;

    @Option(names = "--report-token", paramLabel = "TOKEN",
        description = "A read-only bearer token: it opens GET /admin/report and nothing else. Prefer PULSE_REPORT_TOKEN.")
    private String reportToken;

    @Option(names = "--fsync", paramLabel = "POLICY", description = "When the journal forces writes to disk: always, interval or never (default interval).")
    private FsyncPolicy fsync;

    @Option(names = "--allow-missing-origin", description = "Accept WebSocket handshakes without an Origin header (load tests, native clients).")
    private Boolean allowMissingOrigin;

    @Option(names = "--reset-corrupt-sessions",
        description = "If the session map file is damaged, move it aside and start with no sessions (default: refuse to start, exit 4).")
    private Boolean resetCorruptSessions;

    @Option(names = "--tls-cert", paramLabel = "FILE",
        description = "PEM certificate chain: the port then serves only wss:// and https:// (with --tls-key).")
    private Path tlsCertFile;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key (unencrypted PKCS#8) of that certificate.")
    private Path tlsKeyFile;

    public ServeCommand(final ServerLauncher launcher, final Map<String, String> environment)
    {
        this.launcher = launcher;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() throws Exception
    {
        final ServerConfig config = new ConfigLoader().load(configFile, environment, givenFlags());
        final ServerLauncher.Running server = launcher.start(config);
        final Thread shutdownHook = new Thread(server::close, "pulse-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        ProcessSignals.install(server::drainAndClose, server::reload);
        final PrintWriter out = spec.commandLine().getOut();
        final String scheme = config.tlsCertFile() != null ? "https" : "http";
        out.println("Pulse listening on " + scheme + "://" + host(config.bind()) + ":" + server.port() + "/  (demo: " + scheme + "://localhost:"
            + server.port() + "/demo/)");
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

    /** Only the options given: an absent flag must not override the file or the environment. */
    private Map<String, Object> givenFlags()
    {
        final Map<String, Object> flags = new LinkedHashMap<>();
        putIfGiven(flags, "port", port);
        putIfGiven(flags, "bind", bind);
        putIfGiven(flags, "data_dir", dataDir);
        putIfGiven(flags, "catalog_file", catalogFile);
        putIfGiven(flags, "admin_token", adminToken);
        putIfGiven(flags, "report_token", reportToken);
        putIfGiven(flags, "fsync_policy", fsync);
        putIfGiven(flags, "allow_missing_origin", allowMissingOrigin);
        putIfGiven(flags, "reset_corrupt_sessions", resetCorruptSessions);
        putIfGiven(flags, "tls_cert_file", tlsCertFile);
        putIfGiven(flags, "tls_key_file", tlsKeyFile);
        return flags;
    }

    private static void putIfGiven(final Map<String, Object> flags, final String key, final Object value)
    {
        if (value != null)
        {
            flags.put(key, value);
        }
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
