package dev.pulse.server.config;

import java.util.List;
import java.util.Map;

/** The problems a loader finds in an environment alone: none when it loads. */
final class ConfigProblems
{
    private ConfigProblems()
    {
    }

    static List<String> of(final ConfigLoader loader, final Map<String, String> environment)
    {
        try
        {
            loader.load(null, environment, Map.of());
            return List.of();
        }
        catch (final ConfigException ex)
        {
            return ex.problems();
        }
    }
}
