package dev.pulse.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.journal.FsyncPolicy;
/**
 * Builds a {@link ServerConfig} from four layers, each overriding the one before: the defaults, a
 * YAML file ({@code --config}), {@code PULSE_*} environment variables, command-line flags.
 *
 * <p>Keys are the snake_case of the record's components ({@code data_dir}, {@code fsync_policy});
 * variables are {@code PULSE_} and the key upper-cased ({@code PULSE_DATA_DIR}). Durations take a
 * unit ({@code 500ms}, {@code 90s}, {@code 2m}) or are whole milliseconds; sizes are bytes or
 * {@code 8KiB}, {@code 64MiB}, {@code 1GiB}. A config that names an unknown setting or holds a
 * value of the wrong form is refused whole: every problem of every layer is collected into one
 * {@link ConfigException}, so a typo never silently leaves a default in place. The one exception:
 * a {@code PULSE_*} variable near no setting belongs to another program (PulseAudio sets several)
 * and is ignored with a warning.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigLoader
{
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private final YamlSettingsReader yamlReader = new YamlSettingsReader();

    /**
     * @param configFileOrNull the YAML file, or null for none.
     * @param environment      the process environment; only {@code PULSE_*} variables are read.
     * @param flagOverrides    settings given on the command line, by key ({@code data_dir}; camelCase
     *                         {@code dataDir} is accepted too). Values are text or already typed
     *                         (Integer, Long, Boolean, Path, FsyncPolicy); a null value means "none"
     *                         for the settings that allow it.
     * @throws ConfigException naming every unknown key or variable and every bad value.
     */
    public ServerConfig load(final Path configFileOrNull, final Map<String, String> environment, final Map<String, Object> flagOverrides)
        throws ConfigException
    {
        return loadEffective(configFileOrNull, environment, flagOverrides).config();
    }

    /** As {@link #load}, with each setting's value as written and where it came from. */
    public EffectiveConfig loadEffective(
        final Path configFileOrNull, final Map<String, String> environment, final Map<String, Object> flagOverrides) throws ConfigException
    {
        final List<String> problems = new ArrayList<>();
        final Map<Setting, String> sources = new EnumMap<>(Setting.class);
        final ServerConfigBuilder builder = ServerConfig.defaults().toBuilder();
        if (configFileOrNull != null)
        {
            for (final YamlSettingsReader.Entry entry : yamlReader.read(configFileOrNull, problems))
            {
                apply(builder, entry.setting(), entry.text(), entry.where(), "file " + entry.line(), sources, problems);
            }
        }
        applyEnvironment(builder, environment, sources, problems);
        applyFlags(builder, flagOverrides, sources, problems);
        final ServerConfig config = builder.build();
        if (problems.isEmpty())
        {
            AccessSettings.check(config, problems);
            TokenFiles.check(config, problems);
            JournalSettings.check(config, problems);
            DemoSettings.check(config, problems);
            WebhookSettings.check(config, problems);
            NodeSettings.check(config, problems);
            KafkaSettings.check(config, problems);
        }
        if (!problems.isEmpty())
        {
            throw new ConfigException(problems);
        }
        final List<EffectiveConfig.Entry> entries = new ArrayList<>();
        for (final Setting setting : Setting.values())
        {
            entries.add(new EffectiveConfig.Entry(
                setting.key(), SettingValues.display(setting, config), sources.getOrDefault(setting, EffectiveConfig.DEFAULT)));
        }
        return new EffectiveConfig(config, entries);
    }

    private static void applyEnvironment(
        final ServerConfigBuilder builder, final Map<String, String> environment, final Map<Setting, String> sources, final List<String> problems)
    {
        // Sorted, so that problems come out in the same order on every run.
        for (final Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet())
        {
            final String name = variable.getKey();
            if (!name.startsWith(Setting.ENV_PREFIX))
            {
                continue;
            }
            final Setting setting = settingForVariable(name);
            if (setting == null)
            {
                final String typo = Unknown.environmentVariableTypo(name);
                if (typo != null)
                {
                    problems.add(typo);
                }
                else
                {
                    LOG.warn("ignoring environment variable {}: not a Pulse setting", name);
                }
                continue;
            }
            apply(builder, setting, variable.getValue(), "environment variable " + name, "environment " + name, sources, problems);
        }
    }

    private static Setting settingForVariable(final String name)
    {
        for (final Setting setting : Setting.values())
        {
            if (setting.environmentVariable().equals(name))
            {
                return setting;
            }
        }
        return null;
    }

    private static void applyFlags(
        final ServerConfigBuilder builder, final Map<String, Object> flags, final Map<Setting, String> sources, final List<String> problems)
    {
        for (final Map.Entry<String, Object> flag : flags.entrySet())
        {
            final String key = snakeCase(flag.getKey());
            final Setting setting = Setting.byKey(key);
            if (setting == null)
            {
                problems.add("command line: " + Unknown.setting(flag.getKey()));
                continue;
            }
            // Typed values go through their text form, so flags meet exactly the checks files do.
            final Object value = flag.getValue();
            final String text = value == null ? null : value instanceof FsyncPolicy policy ? policy.name() : value.toString();
            apply(builder, setting, text, "flag " + setting.flag(), "flag " + setting.flag(), sources, problems);
        }
    }

    /** Sets one value; {@code where} prefixes a problem, {@code source} is what {@code config check} shows for a value that took. */
    private static void apply(final ServerConfigBuilder builder, final Setting setting, final String text, final String where,
        final String source, final Map<Setting, String> sources, final List<String> problems)
    {
        final String problem = setting.apply(builder, text);
        if (problem != null)
        {
            problems.add(where + ": " + problem);
        }
        else
        {
            sources.put(setting, source);
        }
    }

    /** {@code dataDir} to {@code data_dir}; snake_case passes through. */
    static String snakeCase(final String key)
    {
        final StringBuilder out = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++)
        {
            final char c = key.charAt(i);
            if (Character.isUpperCase(c))
            {
                out.append('_').append(Character.toLowerCase(c));
            }
            else
            {
                out.append(c);
            }
        }
        return out.toString();
    }
}
