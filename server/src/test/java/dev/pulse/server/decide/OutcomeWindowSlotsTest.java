package dev.pulse.server.decide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerMode;
import dev.pulse.journal.OutcomeGroup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's outcome window slots: live windows (shown, holdout) are never crowded out by shadow
 * ones, every window not measured is counted, and no bundled or test catalog can run out of slots.
 */
class OutcomeWindowSlotsTest
{
    private static final long T0 = 1_700_000_000_000L;

    @Test
    void shouldGiveALiveWindowTheNewestShadowSlotWhenEverySlotIsTaken()
    {
        final OutcomeTrackingTest.Session session = new OutcomeTrackingTest.Session(shadowSearchCatalog(), 21);
        final OutcomeTracker tracker = new OutcomeTracker(OutcomeTrackingTest.fixed(session.catalog), session.log);
        final Trigger shadow = trigger(session.catalog, "search-dead-ends");
        final Trigger live = trigger(session.catalog, "pricing-faq-loop");
        for (int i = 0; i < OutcomeWindowsFlyweight.SLOTS; i++)
        {
            tracker.open(session.record.windows(), session.state, session.catalog, shadow, OutcomeGroup.SHADOW, 0, 0, T0 + i);
        }
        tracker.open(session.record.windows(), session.state, session.catalog, shadow, OutcomeGroup.SHADOW, 0, 0, T0 + 100);
        assertThat(session.log.dropped).containsExactly("slots_full shadow");

        tracker.open(session.record.windows(), session.state, session.catalog, live, OutcomeGroup.SHOWN, 7, 0, T0 + 200);
        assertThat(session.log.dropped).containsExactly("slots_full shadow", "shadow_replaced shadow");

        assertThat(session.log.outcomes).as("both journaled as unmeasured when they happen: the one with no slot, the one that gave way")
            .containsExactly(
                "unmeasured shadow search-dead-ends cant-find default choice= response= stuck=other after=0ms",
                "unmeasured shadow search-dead-ends cant-find default choice= response= stuck=other after=193ms");
        session.log.outcomes.clear();

        tracker.afterEvent(session.record.windows(), session.state, session.catalog, new Event().reset(EventType.GOAL), T0 + 300);
        assertThat(session.log.outcomes).hasSize(OutcomeWindowsFlyweight.SLOTS);
        assertThat(session.log.outcomes).filteredOn(o -> o.startsWith("forward shown pricing-faq-loop")).hasSize(1);
        assertThat(session.log.outcomes).filteredOn(o -> o.startsWith("forward shadow search-dead-ends"))
            .as("the newest shadow window (opened at +7 ms, so 293 ms long) gave way; the seven first are measured")
            .hasSize(OutcomeWindowsFlyweight.SLOTS - 1)
            .noneMatch(o -> o.endsWith("after=293ms"));
    }

    @Test
    void shouldNeverLetAShadowWindowReplaceALiveOne()
    {
        final OutcomeTrackingTest.Session session = new OutcomeTrackingTest.Session(shadowSearchCatalog(), 22);
        final OutcomeTracker tracker = new OutcomeTracker(OutcomeTrackingTest.fixed(session.catalog), session.log);
        final Trigger live = trigger(session.catalog, "pricing-faq-loop");
        for (int i = 0; i < OutcomeWindowsFlyweight.SLOTS; i++)
        {
            tracker.open(session.record.windows(), session.state, session.catalog, live, OutcomeGroup.HOLDOUT, 0, 0, T0 + i);
        }
        tracker.open(session.record.windows(), session.state, session.catalog, trigger(session.catalog, "search-dead-ends"),
            OutcomeGroup.SHADOW, 0, 0, T0 + 100);
        tracker.open(session.record.windows(), session.state, session.catalog, live, OutcomeGroup.SHOWN, 9, 0, T0 + 100);
        assertThat(session.log.dropped).containsExactly("slots_full shadow", "slots_full shown");
        assertThat(session.log.outcomes).as("each journaled as unmeasured")
            .hasSize(2).allMatch(o -> o.startsWith("unmeasured ") && o.endsWith("after=0ms"));
        session.log.outcomes.clear();
        tracker.afterEvent(session.record.windows(), session.state, session.catalog, new Event().reset(EventType.GOAL), T0 + 300);
        assertThat(session.log.outcomes).hasSize(OutcomeWindowsFlyweight.SLOTS).allMatch(o -> o.startsWith("forward holdout"));
    }

    /**
     * The worst case of a catalog: its live windows are at most one per question asked
     * ({@code max_questions_per_session}), and each shadow trigger opens at most one window per
     * cooldown within an outcome window (unbounded with no cooldown). Live windows take shadow
     * slots, so the live ones alone must fit, and with the shadow ones nothing may be dropped.
     */
    @ParameterizedTest
    @MethodSource("catalogs")
    void shouldNeverRunOutOfSlotsWithTheBundledAndTestCatalogs(final String name, final CompiledCatalog catalog)
    {
        final int live = catalog.governor().policy().maxQuestionsPerSession();
        long shadow = 0;
        for (final Trigger trigger : catalog.triggers().all())
        {
            if (trigger.mode() == TriggerMode.SHADOW)
            {
                shadow += trigger.cooldownMs() == 0 ? Long.MAX_VALUE / 2 : (catalog.outcomeWindowMs() + trigger.cooldownMs() - 1) / trigger.cooldownMs();
            }
        }
        assertThat(SessionStateFlyweight.ASKED_CAPACITY).as("at most this many questions asked in any session")
            .isLessThanOrEqualTo(OutcomeWindowsFlyweight.SLOTS);
        assertThat(live + shadow).as("%s: worst-case windows open at once", name).isLessThanOrEqualTo(OutcomeWindowsFlyweight.SLOTS);
    }

    static Stream<Object[]> catalogs() throws IOException
    {
        final CatalogLoader loader = new CatalogLoader();
        final LoadResult demo = loader.loadDemo();
        assertThat(demo.ok()).as(demo.report()).isTrue();
        return Stream.concat(Stream.<Object[]>of(new Object[] {"demo", demo.catalog()}),
            List.of("/e2e/catalog.yaml", "/e2e/faults/catalog.yaml").stream().map(path -> new Object[] {path, load(path)}));
    }

    private static CompiledCatalog load(final String resource)
    {
        try (InputStream in = OutcomeWindowSlotsTest.class.getResourceAsStream(resource))
        {
            final LoadResult result = new CatalogLoader().load(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(result.ok()).as(result.report()).isTrue();
            return result.catalog();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static CompiledCatalog shadowSearchCatalog()
    {
        try (InputStream in = OutcomeWindowSlotsTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            final String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("question: cant-find", "mode: shadow\n    question: cant-find");
            final LoadResult result = new CatalogLoader().load("shadow.yaml", text);
            assertThat(result.ok()).as(result.report()).isTrue();
            return result.catalog();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static Trigger trigger(final CompiledCatalog catalog, final String id)
    {
        for (final Trigger trigger : catalog.triggers().all())
        {
            if (trigger.id().equals(id))
            {
                return trigger;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
