package dev.pulse.catalog;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.source.Diagnostic;
import dev.pulse.detect.SessionStateFlyweight;

import static dev.pulse.catalog.CatalogFixture.insertAfter;
import static dev.pulse.catalog.CatalogFixture.load;
import static dev.pulse.catalog.CatalogFixture.singleError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code when: { searched_for: ... }} in a catalog: what the validator refuses, and what the compiled trigger means. */
class SearchedForCatalogTest
{
    private static final String INTENTS = "intents: { returns: [return, refund, \"send back\"], warranty: [warranty, repair] }";

    private final SessionStateFlyweight state = new SessionStateFlyweight();

    SearchedForCatalogTest()
    {
        state.wrap(new UnsafeBuffer(ByteBuffer.allocateDirect(SessionStateFlyweight.LENGTH)), 0).init(1, 2, 3, 0);
    }

    private static String withWhen(final String when)
    {
        return insertAfter(15, "    when: " + when) + INTENTS + "\n";
    }

    private static CompiledCatalog compiled(final String text)
    {
        final LoadResult result = load(text);
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
        return result.catalog();
    }

    private boolean holds(final CompiledCatalog catalog, final long nowMs)
    {
        return catalog.triggers().all()[0].conditionsHold(state, nowMs);
    }

    @Test
    void shouldHoldOnceASearchOfTheIntentCameInTheShortForm()
    {
        final CompiledCatalog catalog = compiled(withWhen("{ searched_for: warranty }"));
        final int warranty = catalog.intents().number("warranty");
        assertThat(warranty).isEqualTo(2);
        assertThat(holds(catalog, 1_000)).isFalse();
        state.history().pushIntentSearch(catalog.intents().number("returns"), 1_000);
        assertThat(holds(catalog, 1_000)).as("another intent").isFalse();
        state.history().pushIntentSearch(warranty, 2_000);
        assertThat(holds(catalog, 3_600_000)).as("no window: any time").isTrue();
    }

    @Test
    void shouldCountWithinTheWindowInTheLongFormInsideAnyAndNot()
    {
        final CompiledCatalog either = compiled(withWhen("{ any: [{ searched_for: { intent: returns, count: 2, within: 1m } }, { goal_reached: x }] }"));
        final CompiledCatalog neither = compiled(withWhen("{ not: { searched_for: returns } }"));
        final int returns = either.intents().number("returns");
        assertThat(holds(neither, 0)).isTrue();
        state.history().pushIntentSearch(returns, 10_000);
        assertThat(holds(neither, 10_000)).isFalse();
        state.history().pushIntentSearch(returns, 40_000);
        assertThat(holds(either, 70_000)).as("both within the minute").isTrue();
        assertThat(holds(either, 70_001)).as("the first one minute and 1 ms old").isFalse();
    }

    @Test
    void shouldRefuseAnUnknownIntentWithASuggestion()
    {
        final Diagnostic error = singleError(load(withWhen("{ searched_for: retruns }")), 16, 27, "searched_for names 'retruns', which is no intent");
        assertThat(error.hint()).isEqualTo("did you mean 'returns'?");
        assertThat(error.path()).isEqualTo("triggers[0].when.searched_for");
    }

    @Test
    void shouldRefuseAnIntentWhenTheCatalogDeclaresNone()
    {
        final Diagnostic error = singleError(load(insertAfter(15, "    when: { not: { searched_for: returns } }")), 16, 34, "which is no intent");
        assertThat(error.hint()).contains("declare it under 'intents'");
    }

    @Test
    void shouldRefuseACountTheIntentRingCannotHold()
    {
        singleError(load(withWhen("{ searched_for: { intent: returns, count: 9 } }")), 16, 53, "searched_for.count 9 is out of its sane range [1, 8]");
        singleError(load(withWhen("{ searched_for: { intent: returns, count: 0 } }")), 16, 53, "out of its sane range");
    }

    @Test
    void shouldRefuseAWindowOutOfRange()
    {
        singleError(load(withWhen("{ searched_for: { intent: returns, within: 2d } }")), 16, 54, "searched_for.within 2d is out of its sane range");
    }

    @Test
    void shouldRefuseTheLongFormWithoutItsIntentOrWithAnUnknownKey()
    {
        singleError(load(withWhen("{ searched_for: { count: 2 } }")), 16, 27, "intent");
        final Diagnostic error = singleError(load(withWhen("{ searched_for: { intent: returns, times: 2 } }")), 16, 46, "unknown key 'times'");
        assertThat(error.hint()).contains("count");
    }
}
