package dev.pulse.server.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest's memory of event ids: per session and key, for exactly {@link SeenEventIds#REMEMBER_MS}, rebuilt at start. */
class SeenEventIdsTest
{
    private static final long T0 = 1_796_638_530_000L;

    @Test
    void shouldRememberTwiceTheSignaturesToleranceAtLeast()
    {
        assertThat(SeenEventIds.REMEMBER_MS).isEqualTo(600_000).isGreaterThanOrEqualTo(IngestSignature.TOLERANCE_SECONDS * 1000);
    }

    @Test
    void shouldTakeAnIdOncePerSessionAndKeyWithinTheWindowAndAgainAfterIt()
    {
        final SeenEventIds seen = new SeenEventIds();
        assertThat(seen.claim(1, 2, "k", "evt", T0)).isTrue();
        assertThat(seen.claim(1, 2, "k", "evt", T0 + SeenEventIds.REMEMBER_MS - 1)).as("the window's last ms").isFalse();
        assertThat(seen.claim(1, 3, "k", "evt", T0)).as("another session").isTrue();
        assertThat(seen.claim(1, 2, "other", "evt", T0)).as("another key").isTrue();
        assertThat(seen.claim(1, 2, "k", "evt", T0 + SeenEventIds.REMEMBER_MS)).as("the window passed").isTrue();
    }

    @Test
    void shouldTakeAReleasedIdAgain()
    {
        final SeenEventIds seen = new SeenEventIds();
        assertThat(seen.claim(1, 2, "k", "evt", T0)).isTrue();
        seen.release(1, 2, "k", "evt");
        assertThat(seen.claim(1, 2, "k", "evt", T0 + 1)).isTrue();
    }

    @Test
    void shouldCountAnIdRememberedAtStartFromTheTimeItWasTaken()
    {
        final SeenEventIds seen = new SeenEventIds();
        seen.remember(1, 2, "k", "evt", T0);
        assertThat(seen.claim(1, 2, "k", "evt", T0 + SeenEventIds.REMEMBER_MS - 1)).isFalse();
        assertThat(seen.claim(1, 2, "k", "evt", T0 + SeenEventIds.REMEMBER_MS)).isTrue();
        assertThat(seen.size()).isEqualTo(1);
    }
}
