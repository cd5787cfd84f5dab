package dev.pulse.server.config;

import java.util.List;

import dev.pulse.journal.JournalUpkeepConfiguration;

/**
 * The journal's upkeep settings ({@code journal_retention}, {@code journal_retention_bytes},
 * {@code journal_erasure_delay}, {@code journal_retention_mode}) as the journal takes them, and the check made with the other
 * settings: a retention that would delete the segment of today's records is a configuration
 * error, refused at start (exit 2) like any other.
 */
public final class JournalSettings
{
    private JournalSettings()
    {
    }

    public static JournalUpkeepConfiguration upkeep(final ServerConfig config)
    {
        return new JournalUpkeepConfiguration(config.journalRetention(), config.journalRetentionBytes(), config.journalErasureDelay(),
            JournalUpkeepConfiguration.DEFAULT_PASS_INTERVAL_MS, config.journalRetentionMode());
    }

    static void check(final ServerConfig config, final List<String> problems)
    {
        final String problem = upkeep(config).problem(config.journalSegmentBytes());
        if (problem != null)
        {
            problems.add(problem);
        }
    }
}
