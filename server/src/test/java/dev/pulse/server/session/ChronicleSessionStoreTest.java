package dev.pulse.server.session;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChronicleSessionStoreTest
{
    @TempDir
    Path dir;

    @Test
    void shouldUpdateRecordsInPlaceAndKeepThemAcrossReopening() throws Exception
    {
        final Path file = dir.resolve("sessions.dat");
        try (ChronicleSessionStore store = ChronicleSessionStore.open(file, 100, false))
        {
            final SessionAccess access = store.newAccess();
            assertThat(access.open(1, 2)).isFalse();
            assertThat(access.create(1, 2)).isTrue();
            access.state().init(1, 2, 3, 1_000);
            access.server().init(1_000).ownerConnectionId(7);
            access.close();
            assertThat(access.create(1, 2)).as("already there").isFalse();

            assertThat(access.open(1, 2)).isTrue();
            access.state().lastSeq(41);
            access.close();
            assertThat(access.open(1, 2)).isTrue();
            assertThat(access.state().lastSeq()).isEqualTo(41);
            access.state().lastSeq(42);
            access.close();
            assertThat(store.size()).isOne();
        }
        for (final boolean recover : new boolean[] {false, true})
        {
            try (ChronicleSessionStore store = ChronicleSessionStore.open(file, 100, recover))
            {
                final SessionAccess access = store.newAccess();
                assertThat(access.open(1, 2)).as("reopened (recover=%s)", recover).isTrue();
                assertThat(access.state().lastSeq()).isEqualTo(42);
                assertThat(access.state().sidLo()).isEqualTo(2);
                assertThat(access.server().ownerConnectionId()).isEqualTo(7);
                access.close();
                assertThat(store.size()).isOne();
            }
        }
    }

    @Test
    void shouldRefuseNewSessionsAtCapacityButServeExistingOnes() throws Exception
    {
        try (ChronicleSessionStore store = ChronicleSessionStore.open(dir.resolve("sessions.dat"), 3, false))
        {
            final SessionAccess access = store.newAccess();
            for (int i = 1; i <= 3; i++)
            {
                assertThat(access.create(i, i)).isTrue();
                access.close();
            }
            assertThat(access.create(4, 4)).isFalse();
            assertThat(access.open(2, 2)).isTrue();
            access.remove();
            assertThat(store.size()).isEqualTo(2);
            assertThat(access.create(4, 4)).as("room again after a removal").isTrue();
            access.close();
        }
    }

    @Test
    void shouldSweepExpiredSessionsAndKeepLiveOnes() throws Exception
    {
        try (ChronicleSessionStore store = ChronicleSessionStore.open(dir.resolve("sessions.dat"), 1_000, false))
        {
            final SessionAccess access = store.newAccess();
            for (int i = 1; i <= 300; i++)
            {
                access.create(i, i);
                access.state().init(i, i, 3, i % 3 == 0 ? 1_000 : 5_000_000);
                access.server().init(0).ownerConnectionId(i % 5 == 0 ? i : 0);
                access.close();
            }
            int removed = 0;
            for (int segment = 0; segment < store.segments(); segment++)
            {
                removed += store.sweep(segment, (state, server) -> state.lastEventMs() < 2_000 && server.ownerConnectionId() == 0);
            }
            assertThat(removed).isEqualTo(80);
            assertThat(store.size()).isEqualTo(220);
            assertThat(access.open(3, 3)).as("expired").isFalse();
            assertThat(access.open(15, 15)).as("expired but connected").isTrue();
            access.close();
        }
    }

    /** Records are flyweights over the entry's memory: a map of another record length would be written past its entries. */
    @Test
    void shouldRefuseAMapWhoseRecordsHaveAnotherLength() throws Exception
    {
        final Path file = dir.resolve("sessions.dat");
        try (ChronicleMap<SessionKey, byte[]> older = ChronicleMapBuilder.of(SessionKey.class, byte[].class)
            .keyMarshallers(SessionKeyMarshaller.INSTANCE, SessionKeyMarshaller.INSTANCE)
            .constantKeySizeBySample(new SessionKey())
            .constantValueSizeBySample(new byte[SessionRecord.LENGTH - 64])
            .entries(1_024)
            .createPersistedTo(file.toFile()))
        {
            older.put(new SessionKey().set(1, 1), new byte[SessionRecord.LENGTH - 64]);
        }
        final byte[] before = Files.readAllBytes(file);
        for (final boolean recover : new boolean[] {false, true})
        {
            assertThatThrownBy(() -> ChronicleSessionStore.open(file, 1_000, recover))
                .isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("records of " + (SessionRecord.LENGTH - 64) + " bytes")
                .hasMessageContaining("move it aside");
        }
        assertThat(Files.readAllBytes(file)).as("left as it was").isEqualTo(before);
    }
}
