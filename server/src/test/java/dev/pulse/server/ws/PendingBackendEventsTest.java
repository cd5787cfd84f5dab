package dev.pulse.server.ws;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Kept backend events are the ingest's ids as well: one is its session's, key's and id's, the same key the route dedupes by. */
class PendingBackendEventsTest
{
    private static final long T0 = 1_796_638_530_000L;
    private static final long EXPIRY_MS = 30 * 60_000L;

    @Test
    void shouldHoldAnEventByItsSessionKeyAndId()
    {
        final PendingBackendEvents pending = new PendingBackendEvents(() -> EXPIRY_MS);
        assertThat(pending.keep(event(1, "checkout", "evt-1"), T0)).isTrue();

        assertThat(pending.holds(0, 1, "checkout", "evt-1")).isTrue();
        assertThat(pending.holds(0, 1, "support", "evt-1")).as("another key's id").isFalse();
        assertThat(pending.holds(0, 2, "checkout", "evt-1")).as("another session").isFalse();
        assertThat(pending.holds(0, 1, "checkout", "evt-2")).isFalse();
    }

    @Test
    void shouldForgetOnlyTheEventOfThatKeyAndId()
    {
        final PendingBackendEvents pending = new PendingBackendEvents(() -> EXPIRY_MS);
        pending.keep(event(1, "checkout", "evt-1"), T0);
        pending.keep(event(1, "support", "evt-1"), T0);

        pending.forget(0, 1, "checkout", "evt-1");

        assertThat(pending.holds(0, 1, "checkout", "evt-1")).isFalse();
        assertThat(pending.holds(0, 1, "support", "evt-1")).isTrue();
        assertThat(pending.size()).isEqualTo(1);
        assertThat(pending.take(0, 1, T0 + 1)).extracting(BackendEvent::keyId).containsExactly("support");
    }

    private static BackendEvent event(final long sidLo, final String keyId, final String eventId)
    {
        return new BackendEvent(0, sidLo, 7, "order_failed", keyId, eventId, T0, List.of());
    }
}
