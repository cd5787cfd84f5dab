package dev.pulse.server;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

import dev.pulse.server.config.SettingFlag;

/**
 * The flags of {@code serve} and {@code config check}: {@code --config FILE} and one flag per
 * setting, made from {@link SettingFlag} rather than written out, so a new setting has its flag and
 * its {@code --help} line without touching the commands. Values are kept as the text given:
 * {@code ConfigLoader} parses them with the same rules as the file and the environment. Only the
 * flags given are kept, so an absent flag never overrides the file or the environment.
 */
final class SettingOptions
{
    private final Map<String, Object> given = new LinkedHashMap<>();
    private Path configFile;

    /** Declares the flags on {@code spec} (before it parses anything). */
    void declareOn(final CommandSpec spec)
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

    /** The {@code --config} file, or null. */
    Path configFile()
    {
        return configFile;
    }

    /** The settings given as flags, by key, as text. */
    Map<String, Object> given()
    {
        return Collections.unmodifiableMap(given);
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
