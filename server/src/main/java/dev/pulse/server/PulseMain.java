package dev.pulse.server;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

import dev.pulse.server.config.ConfigException;
import dev.pulse.server.session.SessionMapCorruptException;

/**
 * The {@code pulse} command line: {@code serve} (the default), {@code config check},
 * {@code catalog validate FILE}, {@code journal cat --data DIR}, {@code report --data DIR}, {@code replay}, {@code token},
 * {@code backup verify DIR}, {@code backup restore DIR --data NEW}. Exit
 * status 0 ok, 1 validation errors, 2 usage or configuration errors, 3 runtime failure or a
 * corrupt journal, 4 a damaged session map (a supervisor should not restart into it: the operator
 * moves the file aside or sets {@code reset_corrupt_sessions}).
 *
 * <p>This class must stay free of static references to Agrona and Chronicle: {@link #main} sets
 * their system properties before any of their classes loads and reads them.
 */
@Command(
    name = "pulse",
    mixinStandardHelpOptions = true,
    versionProvider = PulseMain.Version.class,
    description = "Pulse: one question at the stuck moment, measured against a holdout.",
    synopsisSubcommandLabel = "[COMMAND]",
    footer = {"", "Without a command, pulse runs 'serve' with the options given."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:ok",
        "1:the catalog has errors",
        "2:usage or configuration error",
        "3:runtime failure or a corrupt journal",
        "4:the session map is damaged: move it aside or set reset_corrupt_sessions (the journal is untouched)"})
public final class PulseMain
{
    public static final int EXIT_OK = 0;
    public static final int EXIT_INVALID = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FAILURE = 3;
    public static final int EXIT_SESSION_MAP_DAMAGED = 4;

    /**
     * Set unless already given with -D: Chronicle must not phone home; Agrona's checks cost on the hot
     * path; so does Netty's leak detector, a stack trace for one buffer in 128 (2.8 µs an event at
     * 10,000 events/s, BENCHMARKS.md, issue 20 round 6): a leak still shows as {@code pulse_netty_direct_memory_bytes}
     * growing, and {@code -Dio.netty.leakDetection.level=simple} turns the detector back on to find it.
     */
    private static final String[][] SYSTEM_PROPERTY_DEFAULTS = {
        {"chronicle.analytics.disable", "true"},
        {"chronicle.announcer.disable", "true"},
        {"agrona.disable.bounds.checks", "true"},
        {"io.netty.leakDetection.level", "disabled"}};

    private PulseMain()
    {
    }

    public static void main(final String[] args)
    {
        applySystemPropertyDefaults(System.getProperties());
        System.exit(execute(commandLine(ServerLauncher.pulseServer(), System.getenv()), args));
    }

    /** Sets each of Pulse's system property defaults that {@code properties} does not already hold. */
    public static void applySystemPropertyDefaults(final Properties properties)
    {
        for (final String[] property : SYSTEM_PROPERTY_DEFAULTS)
        {
            if (properties.getProperty(property[0]) == null)
            {
                properties.setProperty(property[0], property[1]);
            }
        }
    }

    /** The whole command tree; {@code serve} starts servers with {@code launcher} and reads {@code environment}. */
    public static CommandLine commandLine(final ServerLauncher launcher, final Map<String, String> environment)
    {
        final CommandLine commandLine = new CommandLine(new PulseMain())
            .addSubcommand(new ServeCommand(launcher, environment).commandLine())
            .addSubcommand(new CommandLine(new ConfigCommand()).addSubcommand(new ConfigCheckCommand(environment).commandLine()))
            .addSubcommand(new CommandLine(new CatalogCommand()).addSubcommand(new CatalogValidateCommand()))
            .addSubcommand(new CommandLine(new JournalCommand()).addSubcommand(new JournalCatCommand()))
            .addSubcommand(new CommandLine(new BackupCommand()).addSubcommand(new BackupVerifyCommand())
                .addSubcommand(new BackupRestoreCommand()))
            .addSubcommand(new ReplayCommand())
            .addSubcommand(new ReportCommand())
            .addSubcommand(new TokenCommand())
            .addSubcommand(new CommandLine.HelpCommand());
        // Set after the subcommands are added: picocli copies these settings down the tree as it is now.
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(PulseMain::onFailure);
        return commandLine;
    }

    /** Runs {@code args} (with {@code serve} in front when they name no command) and returns the exit status. */
    public static int execute(final CommandLine commandLine, final String... args)
    {
        return commandLine.execute(withDefaultCommand(commandLine, args));
    }

    /** {@code []} and {@code [--port, 9090]} become {@code serve ...}; a command or a top-level option stays as it is. */
    static String[] withDefaultCommand(final CommandLine commandLine, final String[] args)
    {
        if (args.length > 0)
        {
            final String first = args[0];
            final int equals = first.indexOf('=');
            final String optionName = equals < 0 ? first : first.substring(0, equals);
            if (!first.startsWith("-") || commandLine.getCommandSpec().findOption(optionName) != null)
            {
                return args;
            }
        }
        final String[] withServe = new String[args.length + 1];
        withServe[0] = "serve";
        System.arraycopy(args, 0, withServe, 1, args.length);
        return withServe;
    }

    // Exceptions out of a command: a bad config is a usage error (2); a damaged session map 4; anything else a failure (3).
    // Checked exceptions carry a message for operators; unchecked ones are bugs and get their stack.
    private static int onFailure(final Exception ex, final CommandLine commandLine, final CommandLine.ParseResult parseResult)
    {
        final PrintWriter err = commandLine.getErr();
        if (ex instanceof ConfigException config)
        {
            err.println("pulse: the configuration is not valid:");
            config.problems().forEach(problem -> err.println("  " + problem));
            err.flush();
            return EXIT_USAGE;
        }
        err.println("pulse " + commandLine.getCommandName() + ": " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
        if (ex instanceof RuntimeException)
        {
            ex.printStackTrace(err);
        }
        err.flush();
        return ex instanceof SessionMapCorruptException ? EXIT_SESSION_MAP_DAMAGED : EXIT_FAILURE;
    }

    /** The version and the commit the build wrote down ({@link BuildInfo}). */
    static final class Version implements IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            return new String[] {BuildInfo.current().versionLine()};
        }
    }
}
