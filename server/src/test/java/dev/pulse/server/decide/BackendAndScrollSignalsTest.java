package dev.pulse.server.decide;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.NavType;
import dev.pulse.detect.PagePath;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.server.session.SessionRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo catalog's signals from beyond the page, through the session machine: a backend event
 * (as the ingest route hands it over: a {@code BACKEND} event with its name and fields) asks its
 * question at once, and the seed's pricing moment needs the page scrolled back up twice.
 */
class BackendAndScrollSignalsTest
{
    private static final long T0 = 1_700_000_000_000L;
    private static final CompiledCatalog DEMO = demo();

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(SessionRecord.LENGTH));
    private final SessionStateFlyweight state = new SessionStateFlyweight();
    private final ServerSessionFlyweight record = new ServerSessionFlyweight();
    private final RecordingLog log = new RecordingLog();
    private SessionMachine machine = new SessionMachine(versionHash -> DEMO, log);
    private final Event event = new Event();
    private final PagePath path = new PagePath();

    BackendAndScrollSignalsTest()
    {
        state.wrap(buffer, SessionRecord.CORE_OFFSET).init(7, 8, 1, T0);
        record.wrap(buffer, SessionRecord.SERVER_OFFSET).init(T0);
    }

    private static CompiledCatalog demo()
    {
        final LoadResult result = new CatalogLoader().loadDemo();
        assertThat(result.ok()).as(result.report()).isTrue();
        return result.catalog();
    }

    private void page(final long atMs, final String url)
    {
        path.normalise(url);
        machine.onEvent(DEMO, state, record, event.reset(EventType.PAGE).page(path.hash(), DEMO.pageKindOf(path), NavType.NAVIGATE), null,
            T0 + atMs);
    }

    private void backend(final long atMs, final String name, final String reason)
    {
        event.reset(EventType.BACKEND).backend(Hash64.of(name));
        event.backendField(Hash64.of("reason"), Hash64.of(reason), Double.NaN, reason);
        event.backendField(Hash64.of("amount"), Hash64.of("42.50"), 42.5, "42.50");
        machine.onEvent(DEMO, state, record, event, null, T0 + atMs);
    }

    private void scrollBack(final long atMs)
    {
        machine.onEvent(DEMO, state, record, event.reset(EventType.SCROLL_BACK), null, T0 + atMs);
    }

    private void timer(final long atMs)
    {
        machine.onTimer(DEMO, state, record, T0 + atMs);
    }

    @Test
    void shouldAskAtOnceWhenTheBackendSaysThePaymentWasDeclined()
    {
        page(0, "/demo/checkout");
        backend(1_000, "payment_declined", "card_declined");
        assertThat(log.signals).containsExactly("payment-declined shown");
        assertThat(machine.effects().question().id()).isEqualTo("payment-trouble");
        assertThat(machine.effects().questionIid()).isPositive();
    }

    @Test
    void shouldIgnoreABackendEventNoTriggerNames()
    {
        page(0, "/demo/checkout");
        backend(1_000, "order_failed", "timeout");
        assertThat(log.signals).isEmpty();
        assertThat(machine.effects().questionIid()).isZero();
    }

    @Test
    void shouldNotCountABackendEventAsThePersonActing()
    {
        page(0, "/demo/pricing");
        backend(40_000, "order_failed", "timeout");
        assertThat(state.idleSinceMs()).as("the idle clock runs on").isEqualTo(T0);
    }

    @Test
    void shouldAskTheSeedsPricingQuestionAfterScrollingBackUpTwice()
    {
        page(0, "/demo/faq");
        page(5_000, "/demo/pricing");
        scrollBack(10_000);
        scrollBack(20_000);
        assertThat(machine.nextDeadlineMs(DEMO, state, record)).as("idle 30s after the last scroll").isEqualTo(T0 + 50_000);
        timer(49_999);
        assertThat(log.signals).isEmpty();
        timer(50_000);
        assertThat(log.signals).containsExactly("pricing-rereading shown");
        assertThat(machine.effects().question().id()).isEqualTo("hard-to-decide");
    }

    @Test
    void shouldNotAskTheRereadingQuestionAfterOneScrollBack()
    {
        page(0, "/demo/faq");
        page(5_000, "/demo/pricing");
        scrollBack(10_000);
        timer(40_000);
        assertThat(log.signals).isEmpty();
        timer(55_000);
        assertThat(log.signals).as("the plain idle trigger, 45 s").containsExactly("pricing-hesitation shown");
    }

    @Test
    void shouldCountScrollsBackPerPageView()
    {
        page(0, "/demo/faq");
        page(5_000, "/demo/pricing");
        scrollBack(10_000);
        page(12_000, "/demo/faq");
        page(14_000, "/demo/pricing");
        scrollBack(20_000);
        timer(50_000);
        assertThat(log.signals).as("one scroll back on this page view").isEmpty();
    }

    @Test
    void shouldKeepTheCountsInTheRecordAcrossARestart()
    {
        page(0, "/demo/faq");
        page(5_000, "/demo/pricing");
        scrollBack(10_000);
        machine = new SessionMachine(versionHash -> DEMO, log);
        scrollBack(20_000);
        timer(50_000);
        assertThat(log.signals).containsExactly("pricing-rereading shown");
    }
}
