package dev.pulse.server.decide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.AllocationWindows;
import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.NavType;
import dev.pulse.detect.PagePath;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.server.session.SessionRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalog reload in the middle of sessions: version B inserts a page kind before every existing
 * one (so every kind number moves up by one) and lists the triggers in another order. One event is
 * judged by one version, and the next events of a session that began under A fire the trigger of
 * the page it is really on and judge forward movement by the pages really visited.
 */
class CatalogReloadMidSessionTest
{
    private static final long T0 = 1_700_000_000_000L;

    /** Two idle triggers that differ only by page, so a kind number read in the wrong version picks the other one. */
    private static final String IDLE_TRIGGERS =
        "  - id: idle-on-pricing\n" +
        "    detector: idle_on_key_page\n" +
        "    thresholds: { idle: 60s }\n" +
        "    pages: [pricing]\n" +
        "    question: hard-to-decide\n" +
        "  - id: idle-on-cart\n" +
        "    detector: idle_on_key_page\n" +
        "    thresholds: { idle: 60s }\n" +
        "    pages: [cart]\n" +
        "    question: cant-find\n";

    @TempDir
    Path dir;

    private final CatalogLoader loader = new CatalogLoader();
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(SessionRecord.LENGTH));
    private final SessionStateFlyweight state = new SessionStateFlyweight();
    private final ServerSessionFlyweight record = new ServerSessionFlyweight();
    private final RecordingLog log = new RecordingLog();
    private final Event event = new Event();
    private final PagePath path = new PagePath();
    private Path file;
    private LiveCatalog live;
    private SessionMachine machine;

    /** Version A: the end-to-end catalog with two idle triggers added after the others. */
    private static String versionA()
    {
        return e2eCatalog().replace("questions:\n", IDLE_TRIGGERS + "questions:\n");
    }

    /** Version B: a page kind inserted before all others, and the triggers in reverse order. */
    private static String versionB()
    {
        final String a = versionA().replace("version: e2e-1", "version: e2e-2")
            .replace("pages:\n  home:", "pages:\n  about:    { match: [/about] }\n  home:");
        final int start = a.indexOf("triggers:\n") + "triggers:\n".length();
        final int end = a.indexOf("questions:\n");
        final String[] triggers = a.substring(start, end).split("(?m)^(?=  - id:)");
        final StringBuilder reversed = new StringBuilder();
        for (int i = triggers.length - 1; i >= 0; i--)
        {
            reversed.append(triggers[i]);
        }
        return a.substring(0, start) + reversed + a.substring(end);
    }

    private static String e2eCatalog()
    {
        try (InputStream in = CatalogReloadMidSessionTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void start() throws IOException
    {
        file = Files.writeString(dir.resolve("catalog.yaml"), versionA());
        final LoadResult first = loader.load(file);
        assertThat(first.ok()).as(first.report()).isTrue();
        live = new LiveCatalog(loader, first.catalog(), file);
        machine = new SessionMachine(new LiveCatalogVersions(live), log);
        state.wrap(buffer, SessionRecord.CORE_OFFSET).init(1, 2, 1, T0);
        record.wrap(buffer, SessionRecord.SERVER_OFFSET).init(T0);
    }

    private void reloadToB() throws IOException
    {
        Files.writeString(file, versionB());
        final LoadResult result = live.reload();
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(live.current().version()).isEqualTo("e2e-2");
    }

    @AfterEach
    void close()
    {
        if (live != null)
        {
            live.close();
        }
    }

    /** A page event as the server handles it: its kind from {@code catalog}, judged by {@code catalog}. */
    private void page(final CompiledCatalog catalog, final String url, final NavType nav, final long atMs)
    {
        path.normalise(url);
        machine.onEvent(catalog, state, record, event.reset(EventType.PAGE).page(path.hash(), catalog.pageKindOf(path), nav), null,
            T0 + atMs);
    }

    private void page(final String url, final long atMs)
    {
        page(live.current(), url, NavType.NAVIGATE, atMs);
    }

    private void search(final long atMs)
    {
        machine.onEvent(live.current(), state, record, event.reset(EventType.SEARCH).resultCount(0), "lamp", T0 + atMs);
    }

    @Test
    void versionBShouldMoveEveryKindNumberAndReorderTheTriggers() throws IOException
    {
        start();
        final CompiledCatalog a = live.current();
        reloadToB();
        final CompiledCatalog b = live.current();
        assertThat(b.pageKind("about")).isEqualTo(1);
        for (final String kind : a.pageKindNames().subList(1, a.pageKindNames().size()))
        {
            assertThat(b.pageKind(kind)).as(kind).isEqualTo(a.pageKind(kind) + 1);
        }
        assertThat(b.triggers().byKey(a.triggers().all()[0].key()).index()).isNotEqualTo(a.triggers().all()[0].index());
    }

    @Test
    void shouldJudgeOneEventByTheOneCatalogItsPageKindCameFrom() throws IOException
    {
        start();
        page("/pricing", 0);
        page("/faq", 1_000);
        page(live.current(), "/pricing", NavType.BACK, 2_000);
        page(live.current(), "/faq", NavType.FORWARD, 3_000);
        page(live.current(), "/pricing", NavType.BACK, 4_000);
        page(live.current(), "/faq", NavType.FORWARD, 5_000);

        final CompiledCatalog readForThisEvent = live.current();
        reloadToB();
        page(readForThisEvent, "/pricing", NavType.BACK, 6_000);
        assertThat(log.shown).as("the third Back, to pricing, asks there").containsExactly("hard-to-decide iid=1 on pricing");
        assertThat(machine.nextDeadlineMs(readForThisEvent, state, record)).isEqualTo(T0 + 6_000 + 60_000);
    }

    @Test
    void shouldFireTheTriggerOfThePageTheSessionIsOnAfterAReload() throws IOException
    {
        start();
        page("/cart", 0);
        reloadToB();
        machine.onTimer(live.current(), state, record, T0 + 61_000);
        assertThat(log.signals).as("idle on the cart, which B numbers differently").containsExactly("idle-on-cart shown");
        assertThat(log.shown).containsExactly("cant-find iid=1 on cart");
    }

    @Test
    void shouldJudgeForwardMovementByThePagesReallyVisitedAfterAReload() throws IOException
    {
        start();
        page("/faq/shipping", 0);
        search(1_000);
        search(2_000);
        assertThat(log.shown).containsExactly("cant-find iid=1 on faq");

        reloadToB();
        page("/faq/returns", 10_000);
        assertThat(log.outcomes).as("still on the FAQ: not forward, whatever its number in B").isEmpty();
        page("/about", 20_000);
        assertThat(log.outcomes).as("a page A does not know is not on A's journey").isEmpty();
        page("/pricing", 30_000);
        assertThat(log.outcomes).containsExactly(
            "forward shown search-dead-ends cant-find default choice= response= stuck=faq after=28000ms");
    }

    @Test
    void shouldKeepTheVisitedPagesAcrossAReload() throws IOException
    {
        start();
        page("/checkout", 0);
        page("/cart", 1_000);
        page("/checkout", 2_000);
        page("/cart", 3_000);
        reloadToB();
        final CompiledCatalog b = live.current();
        page("/checkout", 4_000);
        machine.onEvent(b, state, record, event.reset(EventType.ACTIVE), null, T0 + 4_500);
        assertThat(state.visitedKindBefore(b.pageKind("cart"))).isTrue();
        assertThat(state.visitedKindBefore(b.pageKind("checkout"))).isTrue();
        assertThat(state.visitedKindBefore(b.pageKind("pricing"))).as("B numbers pricing as A numbered the cart").isFalse();
        assertThat(state.history().pageKindAt(1)).isEqualTo(b.pageKind("cart"));
        assertThat(state.currentPageKind()).isEqualTo(b.pageKind("checkout"));
    }

    /**
     * A question asked under a version no longer kept is read by the catalog read for the event
     * (B here), never by a second read of the live one (C, reloaded since, which has no such question).
     */
    @Test
    void shouldReadAForgottenVersionsQuestionByTheEventsCatalogNotTheLiveOne() throws IOException
    {
        final CompiledCatalog a = load("a.yaml", versionA());
        final CompiledCatalog b = load("b.yaml", versionB());
        final CompiledCatalog c = load("c.yaml", versionA().replace("version: e2e-1", "version: e2e-3").replace("cant-find", "cannot-find"));
        // A is forgotten; like LiveCatalog, the versions answer a hash they do not keep with the live catalog, C.
        machine = new SessionMachine(versionHash -> versionHash == b.versionHash() ? b : c, log);
        state.wrap(buffer, SessionRecord.CORE_OFFSET).init(1, 2, 1, T0);
        record.wrap(buffer, SessionRecord.SERVER_OFFSET).init(T0);
        page(a, "/faq/shipping", NavType.NAVIGATE, 0);
        machine.onEvent(a, state, record, event.reset(EventType.SEARCH).resultCount(0), "lamp", T0 + 1_000);
        machine.onEvent(a, state, record, event.reset(EventType.SEARCH).resultCount(0), "lamp", T0 + 2_000);
        assertThat(log.shown).containsExactly("cant-find iid=1 on faq");

        machine.onAnswer(b, state, record, 1, Hash64.of("product"), T0 + 3_000);

        assertThat(machine.effects().refusal()).isNull();
        assertThat(log.answers).containsExactly("cant-find product");
        assertThat(machine.effects().response()).isNotNull();
    }

    /**
     * Version B lists the intents the other way round: a search of returns recorded under A (intent
     * 1) is still of returns under B (intent 2), so the second search of returns completes the count.
     */
    @Test
    void shouldRenumberTheSearchIntentsTheRecordHoldsAfterAReload() throws IOException
    {
        final String intentTrigger = "  - id: returns-twice\n    detector: search_intent\n    intent: returns\n" +
            "    thresholds: { count: 2, window: 10m }\n    question: cant-find\n";
        final CompiledCatalog a = load("a.yaml", versionA().replace("questions:\n", intentTrigger + "questions:\n") +
            "intents:\n  returns: [refund*]\n  warranty: [repair*]\n");
        final CompiledCatalog b = load("b.yaml", versionA().replace("version: e2e-1", "version: e2e-2")
            .replace("questions:\n", intentTrigger + "questions:\n") + "intents:\n  warranty: [repair*]\n  returns: [refund*]\n");
        machine = new SessionMachine(versionHash -> versionHash == a.versionHash() ? a : b, log);
        state.wrap(buffer, SessionRecord.CORE_OFFSET).init(1, 2, 1, T0);
        record.wrap(buffer, SessionRecord.SERVER_OFFSET).init(T0);
        final dev.pulse.catalog.compile.SearchWords words = new dev.pulse.catalog.compile.SearchWords();
        machine.onEvent(a, state, record, event.reset(EventType.SEARCH).resultCount(3).searchIntent(a.intents().classify("refunds", words)),
            "refunds", T0 + 1_000);
        assertThat(log.signals).isEmpty();
        assertThat(b.intents().classify("refunds", words)).isEqualTo(2);
        machine.onEvent(b, state, record, event.reset(EventType.SEARCH).resultCount(3).searchIntent(b.intents().classify("refunds", words)),
            "refunds", T0 + 2_000);
        assertThat(log.signals).containsExactly("returns-twice shown");
    }

    private CompiledCatalog load(final String name, final String text) throws IOException
    {
        final LoadResult result = loader.load(Files.writeString(dir.resolve(name), text));
        assertThat(result.ok()).as(result.report()).isTrue();
        return result.catalog();
    }

    @Test
    void shouldRenumberARecordWithoutAllocating() throws IOException
    {
        start();
        page("/checkout", 0);
        page("/cart", 1_000);
        final CompiledCatalog a = live.current();
        reloadToB();
        final CompiledCatalog b = live.current();
        long deadlines = 0;
        for (int i = 0; i < 200_000; i++)
        {
            deadlines += machine.nextDeadlineMs((i & 1) == 0 ? b : a, state, record) & 1;
        }
        // Every call is under the other version, so every call renumbers the record. Windows of
        // 20,000 calls until three in a row allocate nothing (AllocationWindows).
        deadlines += AllocationWindows.assertAllocatesNothing("renumbering", count ->
        {
            long sum = 0;
            for (int i = 0; i < count; i++)
            {
                sum += machine.nextDeadlineMs((i & 1) == 0 ? b : a, state, record) & 1;
            }
            return sum;
        }, 20_000);
        assertThat(deadlines).isNotNegative();
        assertThat(state.currentPageKind()).isEqualTo(a.pageKind("cart"));
        assertThat(state.history().pageKindAt(1)).isEqualTo(a.pageKind("checkout"));
    }
}
