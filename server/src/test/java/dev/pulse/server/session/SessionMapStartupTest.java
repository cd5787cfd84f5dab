package dev.pulse.server.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A damaged session map at start: refused with the file named and left as it was, or, when asked, moved aside for an empty map. */
@Timeout(60)
class SessionMapStartupTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "zeros", "empty", "short", "damaged-header"})
    void shouldRefuseADamagedMapNamingTheFileAndLeaveItAsItWas(final String damage) throws Exception
    {
        final byte[] bytes = damage(damage);
        final Path file = dir.resolve("sessions.dat");
        Files.write(file, bytes);
        for (final boolean unclean : new boolean[] {true, false})
        {
            try (DataDirectory data = DataDirectory.open(dir))
            {
                assertThat(data.lastStopWasClean()).isEqualTo(!unclean);
                assertThatThrownBy(() -> SessionMapStartup.open(data, 100, false))
                    .as("%s, after an %s stop", damage, unclean ? "unclean" : "clean")
                    .isInstanceOf(SessionMapCorruptException.class)
                    .hasMessageContaining(file.toAbsolutePath().toString())
                    .hasMessageContaining("move the file aside")
                    .hasMessageContaining("reset_corrupt_sessions");
                data.markCleanShutdown();
            }
            assertThat(Files.readAllBytes(file)).as("the damaged file is not changed").isEqualTo(bytes);
        }
        try (Stream<Path> files = Files.list(dir))
        {
            assertThat(files.map(f -> f.getFileName().toString())).doesNotContain("sessions.dat.corrupt");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "zeros", "damaged-header"})
    void shouldMoveADamagedMapAsideAndStartEmptyWhenTheOperatorOptedIn(final String damage) throws Exception
    {
        final byte[] bytes = damage(damage);
        final Path file = dir.resolve("sessions.dat");
        Files.write(file, bytes);
        try (DataDirectory data = DataDirectory.open(dir);
             ChronicleSessionStore store = SessionMapStartup.open(data, 100, true))
        {
            assertThat(store.size()).isZero();
            final SessionAccess access = store.newAccess();
            assertThat(access.create(1, 2)).isTrue();
            access.close();
        }
        final Path aside;
        try (Stream<Path> files = Files.list(dir))
        {
            aside = files.filter(f -> f.getFileName().toString().startsWith("sessions.dat.corrupt-")).findFirst().orElseThrow();
        }
        assertThat(Files.readAllBytes(aside)).as("the damaged file is kept, as it was").isEqualTo(bytes);
    }

    @Test
    void shouldOpenAGoodMapAfterAnUncleanStopWithItsSessions() throws Exception
    {
        try (DataDirectory data = DataDirectory.open(dir); ChronicleSessionStore store = SessionMapStartup.open(data, 100, false))
        {
            final SessionAccess access = store.newAccess();
            assertThat(access.create(1, 2)).isTrue();
            access.state().lastSeq(42);
            access.close();
        }
        try (DataDirectory data = DataDirectory.open(dir); ChronicleSessionStore store = SessionMapStartup.open(data, 100, true))
        {
            assertThat(data.lastStopWasClean()).isFalse();
            final SessionAccess access = store.newAccess();
            assertThat(access.open(1, 2)).isTrue();
            assertThat(access.state().lastSeq()).isEqualTo(42);
            access.close();
        }
    }

    /** The bytes of a session map file damaged as {@code damage} says. */
    private byte[] damage(final String damage) throws Exception
    {
        final Random random = new Random(damage.hashCode());
        switch (damage)
        {
            case "garbage":
            {
                final byte[] bytes = new byte[256 * 1024];
                random.nextBytes(bytes);
                return bytes;
            }
            case "zeros":
                return new byte[256 * 1024];
            case "empty":
                return new byte[0];
            case "short":
                return new byte[] {1, 2, 3, 4, 5};
            case "damaged-header":
            {
                final Path good = dir.resolve("good.dat");
                try (ChronicleSessionStore store = ChronicleSessionStore.open(good, 100, false))
                {
                    final SessionAccess access = store.newAccess();
                    access.create(1, 2);
                    access.close();
                }
                final byte[] bytes = Files.readAllBytes(good);
                Files.delete(good);
                final byte[] garbage = new byte[200];
                random.nextBytes(garbage);
                System.arraycopy(garbage, 0, bytes, SessionMapFile.HEADER_OFFSET, garbage.length);
                return bytes;
            }
            default:
                throw new IllegalArgumentException(damage);
        }
    }
}
