package dev.pulse.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.ConfigLoader;
import dev.pulse.server.config.EffectiveConfig;
import dev.pulse.server.config.SettingFlag;

/**
 * The flags of {@code serve} and {@code config check}, and the settings they load: {@code --config
 * FILE} and one flag per setting, made from {@link SettingFlag} rather than written out, so a new setting has its flag and
 * its {@code --help} line without touching the commands. Values are kept as the text given:
 * {@code ConfigLoader} parses them with the same rules as the file and the environment. Only the
 * flags given are kept, so an absent flag never overrides the file or the environment.
 */
final class SettingOptions
{
    private final Map<String, String> environment;
    private final Map<String, Object> given = new LinkedHashMap<>();
    private Path configFile;

    /** @param environment the process environment, whose {@code PULSE_*} variables are read. */
    SettingOptions(final Map<String, String> environment)
    {
        this.environment = Map.copyOf(environment);
    }

    /** {@code command}'s command line, with these flags declared on it. */
    CommandLine commandLine(final Object command)
    {
        final CommandLine commandLine = new CommandLine(command);
        declareOn(commandLine.getCommandSpec());
        return commandLine;
    }

    /**
     * The settings from the defaults, the {@code --config} file, the environment and the flags given.
     *
     * @throws ConfigException naming every problem.
     */
    EffectiveConfig load() throws ConfigException
    {
        return new ConfigLoader().loadEffective(configFile, environment, given);
    }

    private void declareOn(final CommandSpec spec)
    {
        spec.addOption(OptionSpec.builder("--config").paramLabel("FILE").type(Path.class)
            .description("A YAML file of settings (the snake_case keys below: port, data_dir, fsync_policy, ...).")
            .setter(new ISetter()
            {
                @Override
                public <T> T set(final T value)
                {
                    configFile = (Path)value;
                    return null;
                }
            })
            .build());
        for (final SettingFlag flag : SettingFlag.all())
        {
            final OptionSpec.Builder option = OptionSpec.builder(flag.names().toArray(String[]::new))
                .paramLabel(flag.paramLabel())
                .type(String.class)
                .description(flag.description().toArray(String[]::new))
                .setter(recorder(flag.key()));
            if (flag.isSwitch())
            {
                // --demo alone is true; --demo=false turns off what the file or the environment turned on.
                option.arity("0..1").fallbackValue("true");
            }
            spec.addOption(option.build());
        }
    }

    private ISetter recorder(final String key)
    {
        return new ISetter()
        {
            @Override
            public <T> T set(final T value)
            {
                // Picocli sets each option's initial value (null) before parsing: that is not a flag given.
                if (value != null)
                {
                    given.put(key, value);
                }
                return null;
            }
        };
    }
}
