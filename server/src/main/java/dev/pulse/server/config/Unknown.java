package dev.pulse.server.config;

import java.util.ArrayList;
import java.util.List;

import dev.pulse.catalog.model.Suggestions;

/** Messages for names that are not settings, with the nearest known name when it looks like a typo. */
final class Unknown
{
    private Unknown()
    {
    }

    /** For a YAML key or flag key. */
    static String setting(final String key)
    {
        final List<String> keys = new ArrayList<>();
        for (final Setting setting : Setting.values())
        {
            keys.add(setting.key());
        }
        final String nearest = Suggestions.nearest(key, keys);
        return "unknown setting \"" + key + "\"" +
            (nearest != null ? " (did you mean \"" + nearest + "\"?)" : "; known settings: " + String.join(", ", keys));
    }

    /**
     * For a {@code PULSE_*} environment variable that looks like a typo of one Pulse reads, the
     * message naming it; null when it is not near any (another program's, such as PulseAudio's
     * {@code PULSE_SERVER}).
     */
    static String environmentVariableTypo(final String name)
    {
        final List<String> names = new ArrayList<>();
        for (final Setting setting : Setting.values())
        {
            names.add(setting.environmentVariable());
        }
        final String nearest = Suggestions.nearest(name, names);
        return nearest == null ? null : "unknown environment variable " + name + " (did you mean " + nearest + "?)";
    }
}
