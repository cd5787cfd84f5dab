package dev.pulse.server.config;

import java.util.List;

/**
 * A configuration as the server would run with it, and where each setting's value came from: what
 * {@code pulse config check} prints. Secrets are already hidden here.
 *
 * @param config   the settings.
 * @param settings one entry per setting, in the order of {@link ServerConfig}'s components.
 */
public record EffectiveConfig(ServerConfig config, List<Entry> settings)
{
    /** The text of a source that is the default. */
    public static final String DEFAULT = "default";

    public EffectiveConfig
    {
        settings = List.copyOf(settings);
    }

    /**
     * One setting.
     *
     * @param key    its key ({@code max_message_bytes}).
     * @param value  as written in a config file ({@code 4KiB}, {@code 90s}); {@code (secret)} for a secret that is set,
     *               {@code none} for no value.
     * @param source {@code default}, {@code file /etc/pulse/pulse.yaml:3}, {@code environment PULSE_PORT} or {@code flag --port}.
     */
    public record Entry(String key, String value, String source)
    {
    }
}
