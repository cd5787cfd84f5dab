package dev.pulse.server.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.EnumMap;
import java.util.Map;

/**
 * A setting's value in a {@link ServerConfig}, read by the record component the setting names, and
 * written back as an operator writes it. Reflection once, at class load: the accessors are found
 * by name so that a new setting needs no reader of its own.
 */
final class SettingValues
{
    /** What a secret that is set prints as: its value never leaves the process. */
    static final String SECRET = "(secret)";
    /** What a setting without a value prints as (YAML {@code ~}). */
    static final String NONE = "none";

    private static final Map<Setting, Method> ACCESSORS = accessors();

    private SettingValues()
    {
    }

    /** The value, typed as {@link ValueKind#parse} returns it (Integer components as they are); null for none. */
    static Object value(final Setting setting, final ServerConfig config)
    {
        try
        {
            return ACCESSORS.get(setting).invoke(config);
        }
        catch (final IllegalAccessException | InvocationTargetException ex)
        {
            throw new IllegalStateException("cannot read " + setting.key() + " from the config", ex);
        }
    }

    /** The value as written in a config file ({@code 90s}, {@code 64MiB}), {@code (secret)} for a secret, {@code none} for none. */
    static String display(final Setting setting, final ServerConfig config)
    {
        final Object value = value(setting, config);
        if (value == null)
        {
            return NONE;
        }
        if (setting.kind().isSecret())
        {
            return SECRET;
        }
        // Integer and int components: the kinds format Longs, as they parse them.
        final String text = setting.kind().format(value instanceof Integer number ? Long.valueOf(number) : value);
        return text.isEmpty() ? NONE : text;
    }

    private static Map<Setting, Method> accessors()
    {
        final Map<Setting, Method> accessors = new EnumMap<>(Setting.class);
        for (final RecordComponent component : ServerConfig.class.getRecordComponents())
        {
            final Setting setting = Setting.byKey(ConfigLoader.snakeCase(component.getName()));
            if (setting != null)
            {
                accessors.put(setting, component.getAccessor());
            }
        }
        if (accessors.size() != Setting.values().length)
        {
            throw new IllegalStateException("a setting without its ServerConfig component: " + accessors.keySet());
        }
        return accessors;
    }
}
