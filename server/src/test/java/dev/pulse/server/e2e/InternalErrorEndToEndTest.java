package dev.pulse.server.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.SessionStateDescriptor;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.server.session.ChronicleSessionStore;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionId;

import static org.assertj.core.api.Assertions.assertThat;

/** What is never expected: an exception inside a connection's handling closes it with 1011, counted, and nothing else. */
@Timeout(60)
class InternalErrorEndToEndTest
{
    @TempDir
    Path dir;

    @Test
    void shouldCloseWith1011AndKeepServingOthersWhenASessionRecordIsCorrupted() throws Exception
    {
        try (TestServer server = new TestServer(dir); TestClient victim = server.connect(); TestClient bystander = server.connect())
        {
            victim.hello(null);
            bystander.hello(null);
            // Another mapping of the same file, as a stray process could have: scribble on the layout version.
            try (ChronicleSessionStore store = ChronicleSessionStore.open(server.dataDir().resolve("sessions.dat"), 1_000, false))
            {
                final SessionId id = new SessionId();
                final char[] sid = victim.sid().toCharArray();
                assertThat(id.parse(sid, 0, sid.length)).isTrue();
                final SessionAccess access = store.newAccess();
                assertThat(access.open(id.hi(), id.lo())).isTrue();
                access.state().buffer().putByte(access.state().offset() + SessionStateDescriptor.VERSION_OFFSET, (byte)99);
                access.close();
            }
            victim.send("active");
            assertThat(victim.awaitClose()).isEqualTo(1011);
            assertThat(server.server().metrics().internalErrors()).isEqualTo(1);
            bystander.awaitAck(bystander.send("active"));
            assertThat(bystander.closed()).isFalse();
        }
    }
}
