package dev.pulse.server;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code pulse --version} says, for each thing the build may or may not have known. */
class BuildInfoTest
{
    @Test
    void shouldNameTheVersionAndTheCommit()
    {
        assertThat(BuildInfo.of(properties("1.2.0", "0123456789ab", "false")).versionLine())
            .isEqualTo("pulse 1.2.0 (commit 0123456789ab)");
    }

    @Test
    void shouldSayWhenTheTreeHadUncommittedChanges()
    {
        assertThat(BuildInfo.of(properties("1.2.0", "0123456789ab", "true")).versionLine())
            .isEqualTo("pulse 1.2.0 (commit 0123456789ab, with uncommitted changes)");
    }

    @Test
    void shouldSayTheCommitIsUnknownWhenTheBuildHadNoGit()
    {
        // Built from a copy without .git: the plugin sets nothing and filtering leaves the placeholders.
        assertThat(BuildInfo.of(properties("1.2.0", "${git.commit.id.abbrev}", "${git.dirty}")).versionLine())
            .isEqualTo("pulse 1.2.0 (commit unknown: built without git)");
    }

    @Test
    void shouldSayBothAreUnknownWithoutTheResource()
    {
        assertThat(BuildInfo.of(new Properties()).versionLine()).isEqualTo("pulse unknown (commit unknown: built without git)");
    }

    @Test
    void shouldCarryTheVersionThisBuildWroteDown()
    {
        final BuildInfo build = BuildInfo.current();
        assertThat(build.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    private static Properties properties(final String version, final String commit, final String dirty)
    {
        final Properties properties = new Properties();
        properties.setProperty("version", version);
        properties.setProperty("commit", commit);
        properties.setProperty("dirty", dirty);
        return properties;
    }
}
