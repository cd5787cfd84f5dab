package dev.pulse.server.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One setting as a command-line flag: what {@code serve} and {@code config check} declare, one per
 * {@link Setting}, so every setting has a flag beside its environment variable and file key.
 *
 * @param key         the setting's key, which {@link ConfigLoader} takes the flag's text under.
 * @param names       {@code --max-message-bytes}, then the older short name where there is one ({@code --data}).
 * @param paramLabel  the placeholder for the value in {@code --help}.
 * @param isSwitch    a true/false setting: the flag alone means true ({@code --demo}), {@code --demo=false} turns it off.
 * @param description the meaning, then the default and the other two ways to give it.
 */
public record SettingFlag(String key, List<String> names, String paramLabel, boolean isSwitch, List<String> description)
{
    /** A flag for every setting, in the order of {@link ServerConfig}'s components. */
    public static List<SettingFlag> all()
    {
        final ServerConfig defaults = ServerConfig.defaults();
        final List<SettingFlag> flags = new ArrayList<>();
        for (final Setting setting : Setting.values())
        {
            final String alias = SettingHelp.alias(setting);
            final List<String> names = alias == null ? List.of(setting.flag()) : List.of(setting.flag(), alias);
            final String also = "Default: " + SettingValues.display(setting, defaults) + ". Also " + setting.environmentVariable()
                + ", or " + setting.key() + ": in the --config file.";
            flags.add(new SettingFlag(setting.key(), names, SettingHelp.paramLabel(setting), setting.kind() == ValueKind.BOOLEAN,
                List.of(SettingHelp.meaning(setting), also)));
        }
        return List.copyOf(flags);
    }
}
