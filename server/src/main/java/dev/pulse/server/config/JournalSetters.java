package dev.pulse.server.config;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.RetentionMode;

/**
 * The builder's setters for what is kept on disk: the session map and the journal (its writes, its
 * segments, its retention). The rules between them are {@link JournalSettings}.
 * Sealed to {@link ServerConfigBuilder}, so {@code this} is always the builder.
 */
sealed interface JournalSetters permits ServerConfigBuilder
{
    default ServerConfigBuilder expectedSessions(final int expectedSessions)
    {
        return ((ServerConfigBuilder)this).set("expectedSessions", expectedSessions);
    }

    default ServerConfigBuilder resetCorruptSessions(final boolean resetCorruptSessions)
    {
        return ((ServerConfigBuilder)this).set("resetCorruptSessions", resetCorruptSessions);
    }

    default ServerConfigBuilder fsyncPolicy(final FsyncPolicy fsyncPolicy)
    {
        return ((ServerConfigBuilder)this).set("fsyncPolicy", fsyncPolicy);
    }

    default ServerConfigBuilder fsyncIntervalMs(final long fsyncIntervalMs)
    {
        return ((ServerConfigBuilder)this).set("fsyncIntervalMs", fsyncIntervalMs);
    }

    default ServerConfigBuilder journalSegmentBytes(final long journalSegmentBytes)
    {
        return ((ServerConfigBuilder)this).set("journalSegmentBytes", journalSegmentBytes);
    }

    default ServerConfigBuilder journalBufferBytes(final int journalBufferBytes)
    {
        return ((ServerConfigBuilder)this).set("journalBufferBytes", journalBufferBytes);
    }

    default ServerConfigBuilder journalSearchText(final boolean journalSearchText)
    {
        return ((ServerConfigBuilder)this).set("journalSearchText", journalSearchText);
    }

    default ServerConfigBuilder journalRetention(final long journalRetention)
    {
        return ((ServerConfigBuilder)this).set("journalRetention", journalRetention);
    }

    default ServerConfigBuilder journalRetentionBytes(final long journalRetentionBytes)
    {
        return ((ServerConfigBuilder)this).set("journalRetentionBytes", journalRetentionBytes);
    }

    default ServerConfigBuilder journalErasureDelay(final long journalErasureDelay)
    {
        return ((ServerConfigBuilder)this).set("journalErasureDelay", journalErasureDelay);
    }

    default ServerConfigBuilder journalRetentionMode(final RetentionMode journalRetentionMode)
    {
        return ((ServerConfigBuilder)this).set("journalRetentionMode", journalRetentionMode);
    }
}
