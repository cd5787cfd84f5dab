package dev.pulse.server.decide;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

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
 * Outcome windows through the session machine: every verdict, the names an outcome carries, and a
 * restart in the middle of a window (the record's bytes read by a new machine).
 */
class OutcomeTrackingTest
{
    private static final long T0 = 1_700_000_000_000L;
    private static final long WINDOW_MS = 10 * 60_000;

    /** The end-to-end catalog (back-and-forth on pricing/FAQ, failed search), with the policy changed by {@code policy}. */
    static CompiledCatalog catalog(final String policy)
    {
        try (InputStream in = OutcomeTrackingTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            final String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .replaceFirst("policy: \\{.*}", "policy: { " + policy + " }");
            final LoadResult result = new CatalogLoader().load("outcomes.yaml", text);
            assertThat(result.ok()).as(result.report()).isTrue();
            return result.catalog();
        }
        catch (final java.io.IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** One session: its record off-heap, a machine over a fixed catalog, a clock. */
    static final class Session
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(SessionRecord.LENGTH));
        final SessionStateFlyweight state = new SessionStateFlyweight();
        final ServerSessionFlyweight record = new ServerSessionFlyweight();
        final RecordingLog log = new RecordingLog();
        final CompiledCatalog catalog;
        final SessionMachine machine;
        final Event event = new Event();
        final PagePath path = new PagePath();
        long nowMs = T0;

        Session(final CompiledCatalog catalog, final long sid)
        {
            this.catalog = catalog;
            this.machine = new SessionMachine(fixed(catalog), log);
            state.wrap(buffer, SessionRecord.CORE_OFFSET).init(sid, ~sid, 1, T0);
            record.wrap(buffer, SessionRecord.SERVER_OFFSET).init(T0);
        }

        /** The same record, read by a new machine (a restart). */
        Session restarted()
        {
            final Session next = new Session(catalog, state.sidHi());
            next.buffer.putBytes(0, buffer, 0, SessionRecord.LENGTH);
            next.nowMs = nowMs;
            return next;
        }

        Session at(final long offsetMs)
        {
            nowMs = T0 + offsetMs;
            return this;
        }

        void page(final String url, final NavType nav)
        {
            path.normalise(url);
            machine.onEvent(catalog, state, record, event.reset(EventType.PAGE).page(path.hash(), catalog.pageKindOf(path), nav), null, nowMs);
        }

        void search(final int results)
        {
            machine.onEvent(catalog, state, record, event.reset(EventType.SEARCH).resultCount(results), "lamp", nowMs);
        }

        void goal()
        {
            machine.onEvent(catalog, state, record, event.reset(EventType.GOAL).goal(Hash64.of("purchase")), null, nowMs);
        }

        /** Two failed searches on the FAQ: the failed-search trigger asks "cant-find". */
        int askOnFaq()
        {
            page("/faq/shipping", NavType.NAVIGATE);
            search(0);
            search(0);
            return machine.effects().questionIid();
        }
    }

    static CatalogVersions fixed(final CompiledCatalog catalog)
    {
        return versionHash -> catalog;
    }

    private static final String NO_HOLDOUT = "cooldown: 0s, page_grace: 0s, holdout: 0%, outcome_window: 10m, session_expiry: 30m";

    @Test
    void shouldCountForwardWhenTheSessionReachesALaterJourneyStageInTime()
    {
        final Session session = new Session(catalog(NO_HOLDOUT), 1);
        final int iid = session.at(0).askOnFaq();
        assertThat(iid).isPositive();
        session.at(30_000).machine.onAnswer(session.catalog, session.state, session.record, iid, Hash64.of("gift"), session.nowMs);
        session.at(60_000).page("/faq/returns", NavType.NAVIGATE);
        assertThat(session.log.outcomes).as("the same stage is not forward").isEmpty();
        session.at(90_000).page("/checkout", NavType.NAVIGATE);
        assertThat(session.log.outcomes).containsExactly(
            "forward shown search-dead-ends cant-find default choice=gift response=take-your-time stuck=faq after=90000ms");
        assertThat(session.machine.nextDeadlineMs(session.catalog, session.state, session.record)).as("nothing left to watch").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldCountAGoalAsForward()
    {
        final Session session = new Session(catalog(NO_HOLDOUT), 2);
        session.at(0).askOnFaq();
        session.at(5_000).goal();
        assertThat(session.log.outcomes).singleElement().asString().startsWith("forward shown").contains("choice= response=");
    }

    @Test
    void shouldStallWhenTheWindowRunsOutWhileConnected()
    {
        final Session session = new Session(catalog(NO_HOLDOUT), 3);
        session.at(0).askOnFaq();
        assertThat(session.machine.nextDeadlineMs(session.catalog, session.state, session.record)).isEqualTo(T0 + WINDOW_MS);
        session.at(WINDOW_MS - 1).machine.onTimer(session.catalog, session.state, session.record, session.nowMs);
        assertThat(session.log.outcomes).isEmpty();
        session.at(WINDOW_MS).machine.onTimer(session.catalog, session.state, session.record, session.nowMs);
        assertThat(session.log.outcomes).singleElement().asString().startsWith("stalled shown").endsWith("after=600000ms");
    }

    @Test
    void shouldNotCountForwardMovementAfterTheWindow()
    {
        final Session session = new Session(catalog(NO_HOLDOUT), 4);
        session.at(0).askOnFaq();
        session.at(WINDOW_MS + 1).page("/checkout", NavType.NAVIGATE);
        assertThat(session.log.outcomes).as("too late to be forward").isEmpty();
        session.machine.hello(session.catalog, session.state, session.record, session.nowMs);
        assertThat(session.log.outcomes).singleElement().asString().startsWith("stalled shown");
    }

    @Test
    void shouldExitWhenTheSessionEndsWithoutMovingForward()
    {
        final Session session = new Session(catalog(NO_HOLDOUT), 5);
        session.at(0).askOnFaq();
        session.at(45 * 60_000).machine.onExpired(session.state, session.record, session.nowMs);
        assertThat(session.log.outcomes).singleElement().asString().startsWith("exited shown");
    }

    @Test
    void shouldKeepAWindowAcrossARestartAndDecideItWithTheRightVerdict()
    {
        final Session forward = new Session(catalog(NO_HOLDOUT), 6);
        forward.at(0).askOnFaq();
        final Session afterRestart = forward.restarted();
        afterRestart.at(120_000).machine.hello(afterRestart.catalog, afterRestart.state, afterRestart.record, afterRestart.nowMs);
        afterRestart.page("/cart", NavType.NAVIGATE);
        assertThat(afterRestart.log.outcomes).singleElement().asString().startsWith("forward shown").endsWith("after=120000ms");

        final Session away = new Session(catalog(NO_HOLDOUT), 7);
        away.at(0).askOnFaq();
        final Session cameBack = away.restarted();
        cameBack.at(WINDOW_MS + 60_000).machine.hello(cameBack.catalog, cameBack.state, cameBack.record, cameBack.nowMs);
        assertThat(cameBack.log.outcomes).as("the window ran out while the server was down; the person came back")
            .singleElement().asString().startsWith("stalled shown");

        final Session gone = away.restarted();
        gone.at(40 * 60_000).machine.onExpired(gone.state, gone.record, gone.nowMs);
        assertThat(gone.log.outcomes).as("never came back").singleElement().asString().startsWith("exited shown");
    }

    @Test
    void shouldMeasureHoldoutSessionsTheSameWay()
    {
        final Session session = new Session(catalog("cooldown: 0s, page_grace: 0s, holdout: 100%, outcome_window: 10m"), 8);
        assertThat(session.at(0).askOnFaq()).as("held out: nothing shown").isZero();
        assertThat(session.log.signals).contains("search-dead-ends holdout");
        session.at(10_000).page("/pricing", NavType.NAVIGATE);
        assertThat(session.log.outcomes).containsExactly(
            "forward holdout search-dead-ends cant-find default choice= response= stuck=faq after=10000ms");
    }

    @Test
    void shouldAssignTheHoldoutAtThePromisedShare()
    {
        final CompiledCatalog catalog = catalog("cooldown: 0s, page_grace: 0s, holdout: 30%, outcome_window: 10m");
        int holdout = 0;
        final int sessions = 10_000;
        for (int i = 0; i < sessions; i++)
        {
            final Session session = new Session(catalog, 0x9E3779B97F4A7C15L * (i + 1));
            session.at(0).askOnFaq();
            holdout += session.log.signals.contains("search-dead-ends holdout") ? 1 : 0;
        }
        assertThat(holdout / (double)sessions).isBetween(0.28, 0.32);
    }

    @Test
    void shouldKeepMeasuringTheFirstWindowsWhenEverySlotIsTaken()
    {
        final CompiledCatalog shadow = catalog(NO_HOLDOUT);
        final String text;
        try (InputStream in = OutcomeTrackingTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("question: cant-find", "mode: shadow\n    question: cant-find");
        }
        catch (final java.io.IOException ex)
        {
            throw new IllegalStateException(ex);
        }
        final LoadResult result = new CatalogLoader().load("shadow.yaml", text);
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(shadow.versionHash()).isNotEqualTo(result.catalog().versionHash());
        final Session session = new Session(result.catalog(), 9);
        for (int i = 0; i < 12; i++)
        {
            session.at(i * 1_000L).askOnFaq();
        }
        assertThat(session.log.signals).filteredOn(s -> s.endsWith("shadow")).hasSize(12);
        session.at(20_000).goal();
        assertThat(session.log.outcomes).as("the four without a slot are journaled unmeasured when they find none")
            .filteredOn(outcome -> outcome.startsWith("unmeasured shadow search-dead-ends")).hasSize(4);
        assertThat(session.log.outcomes).as("eight windows measured, the slots there are")
            .filteredOn(outcome -> !outcome.startsWith("unmeasured"))
            .hasSize(OutcomeWindowsFlyweight.SLOTS)
            .allMatch(outcome -> outcome.startsWith("forward shadow search-dead-ends"));
    }
}
