package dev.pulse.catalog;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.Event;
import dev.pulse.detect.EventRecorder;
import dev.pulse.detect.EventType;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.trigger.Trigger;

import static dev.pulse.catalog.BackendEventTriggerTest.backendTrigger;
import static dev.pulse.catalog.CatalogFixture.load;
import static org.assertj.core.api.Assertions.assertThat;

/** The compiled {@code backend_event} trigger and {@code scrolled_back} condition judge events as the catalog wrote them. */
class BackendTriggerCompileTest
{
    private static final long T0 = 1_700_000_000_000L;

    private final SessionStateFlyweight state = new SessionStateFlyweight()
        .wrap(new UnsafeBuffer(ByteBuffer.allocateDirect(SessionStateFlyweight.LENGTH)), 0);
    private final EventRecorder recorder = new EventRecorder();
    private final Event event = new Event();

    private static Trigger compiled(final String content)
    {
        final LoadResult result = load(content);
        assertThat(result.ok()).as(result.report()).isTrue();
        final CompiledCatalog catalog = result.catalog();
        return catalog.triggers().all()[0];
    }

    private boolean send(final Trigger trigger, final long atMs, final String name, final String reason, final String amount)
    {
        event.reset(EventType.BACKEND).backend(Hash64.of(name));
        event.backendField(Hash64.of("reason"), Hash64.of(reason), Double.NaN, reason);
        event.backendField(Hash64.of("amount"), Hash64.of(amount), Double.parseDouble(amount), amount);
        recorder.record(state, event, T0 + atMs, 0);
        return trigger.fires(state, event, T0 + atMs);
    }

    @Test
    void shouldCompileTheNameTheCountTheWindowAndTheFieldConditions()
    {
        final Trigger trigger = compiled(backendTrigger(
            "    event: payment_declined",
            "    thresholds: { count: 2, window: 1m }",
            "    fields: { reason: card_declined, amount: \">= 100\" }"));
        assertThat(trigger.detectorKind()).isEqualTo(DetectorKind.BACKEND_EVENT);
        state.init(1, 2, 3, T0);
        assertThat(send(trigger, 1_000, "payment_declined", "card_declined", "150")).as("the first of two").isFalse();
        assertThat(send(trigger, 2_000, "payment_declined", "card_declined", "99")).as("amount below 100").isFalse();
        assertThat(send(trigger, 3_000, "order_failed", "card_declined", "150")).as("another name").isFalse();
        assertThat(send(trigger, 4_000, "payment_declined", "expired", "150")).as("another reason").isFalse();
        assertThat(send(trigger, 5_000, "payment_declined", "card_declined", "100")).isTrue();
        state.init(1, 2, 3, T0);
        send(trigger, 0, "payment_declined", "card_declined", "150");
        assertThat(send(trigger, 60_001, "payment_declined", "card_declined", "150")).as("past the window").isFalse();
    }

    @Test
    void shouldCompileANumberAsNumericEquality()
    {
        final Trigger trigger = compiled(backendTrigger("    event: payment_declined", "    fields: { amount: 100 }"));
        state.init(1, 2, 3, T0);
        assertThat(send(trigger, 1_000, "payment_declined", "x", "100.5")).isFalse();
        assertThat(send(trigger, 2_000, "payment_declined", "x", "100.0")).isTrue();
    }

    @Test
    void shouldCompileScrolledBackAsAConditionOnTheCurrentPageView()
    {
        final Trigger trigger = compiled(backendTrigger("    event: payment_declined", "    when: { scrolled_back: 2 }"));
        state.init(1, 2, 3, T0);
        recorder.record(state, event.reset(EventType.SCROLL_BACK), T0 + 1_000, 0);
        assertThat(send(trigger, 2_000, "payment_declined", "x", "1")).as("scrolled back once").isFalse();
        recorder.record(state, event.reset(EventType.SCROLL_BACK), T0 + 3_000, 0);
        assertThat(send(trigger, 4_000, "payment_declined", "x", "1")).as("scrolled back twice").isTrue();
    }
}
