package dev.pulse.server;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.EffectiveConfig;

/**
 * {@code pulse config check}: takes the flags {@code serve} takes, merges the settings as
 * {@code serve} would, prints each with its value and where it came from (secrets as
 * {@code (secret)}), then checks the files the settings name ({@link SettingFileChecks}). Any
 * problem exits 2 with every problem listed, as {@code serve} does for a bad setting; it starts
 * nothing, so it can run beside the server it checks a change for.
 */
@Command(
    name = "check",
    abbreviateSynopsis = true,
    description = {
        "Prints every setting serve would run with, its value and where it came from (default, file and line, "
            + "environment variable, flag), and checks the files the settings name (catalog, TLS certificate and key, "
            + "token and key files, data directory). Secrets print as (secret).",
        "Takes the same flags as serve."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the configuration is valid", "2:a setting or a file it names is not valid; every problem is printed"})
public final class ConfigCheckCommand implements Callable<Integer>
{
    private final SettingOptions settings;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    public ConfigCheckCommand(final Map<String, String> environment)
    {
        this.settings = new SettingOptions(environment);
    }

    /** This command with a flag for every setting. */
    CommandLine commandLine()
    {
        return settings.commandLine(this);
    }

    @Override
    public Integer call() throws ConfigException
    {
        // A bad value or combination throws here: PulseMain prints every problem and exits 2.
        final EffectiveConfig effective = settings.load();
        final PrintWriter out = spec.commandLine().getOut();
        int keyWidth = 0;
        for (final EffectiveConfig.Entry entry : effective.settings())
        {
            keyWidth = Math.max(keyWidth, entry.key().length());
        }
        for (final EffectiveConfig.Entry entry : effective.settings())
        {
            out.println(String.format("%-" + keyWidth + "s  %s  (%s)", entry.key(), entry.value(), entry.source()));
        }
        final List<String> problems = new ArrayList<>();
        out.println();
        for (final String checked : SettingFileChecks.run(effective.config(), problems))
        {
            out.println("checked " + checked);
        }
        out.flush();
        if (!problems.isEmpty())
        {
            throw new ConfigException(problems);
        }
        out.println("the configuration is valid");
        out.flush();
        return PulseMain.EXIT_OK;
    }
}
