package dev.pulse.bench;

import org.junit.jupiter.api.Test;

import dev.pulse.bench.floor.FloorPath;
import dev.pulse.server.ws.PerEventPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-event benchmarks' fixtures do the work they are named for on every message of their
 * script, twice round it: a message Pulse rejected, or one the floor could not read or whose session
 * it did not update, would be measured as the cheaper path that refuses it.
 */
class PerEventPathsTest
{
    private static final int MESSAGES = 2 * 65_536;

    @Test
    void pulseShouldHandleEveryMessageWithoutAnError() throws Exception
    {
        try (PerEventPath path = new PerEventPath())
        {
            int rejected = 0;
            for (int i = 0; i < MESSAGES; i++)
            {
                rejected += path.onMessage() == 0 ? 0 : 1;
            }
            assertThat(rejected).isZero();
        }
    }

    @Test
    void theFloorShouldReadEveryMessageAndUpdateItsSession() throws Exception
    {
        try (FloorPath path = new FloorPath(PerEventPath.SESSIONS))
        {
            int refused = 0;
            for (int i = 0; i < MESSAGES; i++)
            {
                refused += path.onMessage() == FloorPath.REFUSED ? 1 : 0;
            }
            assertThat(refused).isZero();
        }
    }
}
