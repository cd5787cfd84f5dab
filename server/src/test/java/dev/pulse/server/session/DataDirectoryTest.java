package dev.pulse.server.session;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirectoryTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRefuseASecondHolderClearly() throws Exception
    {
        try (DataDirectory first = DataDirectory.open(dir))
        {
            assertThat(first.lastStopWasClean()).isTrue();
            assertThatThrownBy(() -> DataDirectory.open(dir))
                .isInstanceOf(SessionStoreException.class)
                .hasMessageContaining(dir.toAbsolutePath().toString())
                .hasMessageContaining("already in use");
        }
        try (DataDirectory again = DataDirectory.open(dir))
        {
            assertThat(again.dir()).isEqualTo(dir);
        }
    }

    @Test
    void shouldRememberWhetherTheLastStopWasClean() throws Exception
    {
        try (DataDirectory fresh = DataDirectory.open(dir))
        {
            assertThat(fresh.lastStopWasClean()).as("a new directory has nothing to recover").isTrue();
            Files.writeString(fresh.sessionsFile(), "a map");
        }
        try (DataDirectory crashed = DataDirectory.open(dir))
        {
            assertThat(crashed.lastStopWasClean()).as("no marker: the last server did not stop cleanly").isFalse();
            crashed.markCleanShutdown();
        }
        try (DataDirectory clean = DataDirectory.open(dir))
        {
            assertThat(clean.lastStopWasClean()).isTrue();
        }
        try (DataDirectory next = DataDirectory.open(dir))
        {
            assertThat(next.lastStopWasClean()).as("the marker is consumed at start").isFalse();
        }
    }
}
