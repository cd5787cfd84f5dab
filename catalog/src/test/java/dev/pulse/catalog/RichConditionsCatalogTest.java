package dev.pulse.catalog;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.source.Diagnostic;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.NavType;
import dev.pulse.detect.SessionStateFlyweight;

import static dev.pulse.catalog.CatalogFixture.insertAfter;
import static dev.pulse.catalog.CatalogFixture.load;
import static dev.pulse.catalog.CatalogFixture.singleError;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19's conditions in a catalog: what the validator refuses (where, and what to do) and what the compiled trigger means. */
class RichConditionsCatalogTest
{
    private final SessionStateFlyweight state = new SessionStateFlyweight();

    RichConditionsCatalogTest()
    {
        state.wrap(new UnsafeBuffer(ByteBuffer.allocateDirect(SessionStateFlyweight.LENGTH)), 0).init(1, 2, 3, 0);
    }

    private static String withWhen(final String when)
    {
        return insertAfter(15, "    when: " + when);
    }

    /** Whether the fixture's trigger holds its conditions for the state at wall time {@code wallMs} (session clock 0). */
    private boolean holds(final CompiledCatalog catalog, final long wallMs)
    {
        state.context().wallSkewMs(wallMs);
        return catalog.triggers().all()[0].conditionsHold(state, 0);
    }

    private CompiledCatalog compiled(final String text)
    {
        final LoadResult result = load(text);
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
        return result.catalog();
    }

    @Test
    void shouldCompileOrNotAndNumbersIntoOneCondition()
    {
        final CompiledCatalog catalog = compiled(withWhen(
            "{ any: [{ number: { team_size: { at_least: 6 } } }, { context: { plan: enterprise } }], not: { goal_reached: signup } }"));
        assertThat(holds(catalog, 0)).isFalse();
        state.context().putContext(Hash64.of("team_size"), Hash64.of("6"), 6, false);
        assertThat(holds(catalog, 0)).isTrue();
        state.context().goalReached(Hash64.of("signup"));
        assertThat(holds(catalog, 0)).as("not: goal reached").isFalse();
    }

    @Test
    void shouldCountOnlyTrustedValuesUnderTrusted()
    {
        final CompiledCatalog catalog = compiled(withWhen("{ trusted: true, any: [{ number: { team_size: { at_least: 6 } } }] }"));
        state.context().putContext(Hash64.of("team_size"), Hash64.of("9"), 9, false);
        assertThat(holds(catalog, 0)).as("the page's value").isFalse();
        state.context().putContext(Hash64.of("team_size"), Hash64.of("9"), 9, true);
        assertThat(holds(catalog, 0)).as("the backend's value, trusted passed down into any").isTrue();
    }

    @Test
    void shouldReadTimeAndDaysInTheSitesZone()
    {
        final String text = insertAfter(4, "  time_zone: America/New_York")
            .replace("    question: decide", "    when: { time: { from: \"09:00\", to: \"17:00\" }, days: [mon, tue, wed, thu, fri] }\n    question: decide");
        final CompiledCatalog catalog = compiled(text);
        assertThat(catalog.timeZone().id()).isEqualTo("America/New_York");
        // Monday 2026-12-07, EST (UTC-5): 09:00 local is 14:00 UTC.
        assertThat(holds(catalog, Instant.parse("2026-12-07T13:59:00Z").toEpochMilli())).isFalse();
        assertThat(holds(catalog, Instant.parse("2026-12-07T14:00:00Z").toEpochMilli())).isTrue();
        assertThat(holds(catalog, Instant.parse("2026-12-07T21:59:00Z").toEpochMilli())).isTrue();
        assertThat(holds(catalog, Instant.parse("2026-12-07T22:00:00Z").toEpochMilli())).isFalse();
        // Saturday 10:00 local.
        assertThat(holds(catalog, Instant.parse("2026-12-12T15:00:00Z").toEpochMilli())).isFalse();
    }

    @Test
    void shouldReachAStageOfTheJourneyByAKindAtItOrLater()
    {
        final CompiledCatalog catalog = compiled(withWhen("{ stage_reached: cart }"));
        assertThat(holds(catalog, 0)).isFalse();
        state.pushPage(1, catalog.pageKind("pricing"), NavType.NAVIGATE, 1, false);
        assertThat(holds(catalog, 0)).as("pricing is an earlier stage").isFalse();
        state.pushPage(2, catalog.pageKind("checkout"), NavType.NAVIGATE, 2, false);
        assertThat(holds(catalog, 0)).as("checkout is after cart").isTrue();
    }

    @Test
    void shouldCompileScrolledBackInsideAnyAndNot()
    {
        final CompiledCatalog either = compiled(withWhen("{ any: [{ scrolled_back: 2 }, { goal_reached: signup }] }"));
        final CompiledCatalog neither = compiled(withWhen("{ not: { scrolled_back: 2 } }"));
        assertThat(holds(either, 0)).isFalse();
        assertThat(holds(neither, 0)).isTrue();
        state.signals().countScrollBack();
        state.signals().countScrollBack();
        assertThat(holds(either, 0)).as("scrolled back twice on this page view").isTrue();
        assertThat(holds(neither, 0)).as("not: scrolled back twice").isFalse();
    }

    @Test
    void shouldRefuseScrolledBackOutOfRangeInsideAny()
    {
        final Diagnostic error = singleError(load(withWhen("{ any: [{ scrolled_back: 21 }] }")), 16, 36,
            "scrolled_back 21 is out of its sane range [1, 20]");
        assertThat(error.path()).isEqualTo("triggers[0].when.any[0].scrolled_back");
    }

    @Test
    void shouldRefuseANumberConditionWithTwoLowerBounds()
    {
        final Diagnostic error = singleError(load(withWhen("{ number: { team_size: { at_least: 6, more_than: 2 } } }")),
            16, 60, "at_least and more_than are both lower bounds");
        assertThat(error.path()).isEqualTo("triggers[0].when.number.team_size.more_than");
    }

    @Test
    void shouldRefuseBoundsNoNumberMeets()
    {
        singleError(load(withWhen("{ number: { team_size: { more_than: 6, less_than: 6 } } }")), 16, 61, "no number is within these bounds");
    }

    @Test
    void shouldRefuseANumberBoundThatIsText()
    {
        final Diagnostic error = singleError(load(withWhen("{ number: { team_size: { at_least: six } } }")), 16, 46, "expected a number");
        assertThat(error.hint()).contains("without quotes");
    }

    @Test
    void shouldRefuseAnUnknownComparison()
    {
        final Diagnostic error = singleError(load(withWhen("{ number: { team_size: { '>=': 6 } } }")), 16, 36, "unknown key '>='");
        assertThat(error.hint()).contains("at_least");
    }

    @Test
    void shouldRefuseATimeThatIsNoTimeOfDay()
    {
        final Diagnostic error = singleError(load(withWhen("{ time: { from: \"9am\", to: \"17:00\" } }")), 16, 27, "'9am' is not a time of day");
        assertThat(error.hint()).contains("HH:MM");
    }

    @Test
    void shouldRefuseAnEmptyTimeWindow()
    {
        singleError(load(withWhen("{ time: { from: \"09:00\", to: \"09:00\" } }")), 16, 40, "so it is empty");
    }

    @Test
    void shouldRefuseAnUnknownDayWithASuggestion()
    {
        final Diagnostic error = singleError(load(withWhen("{ days: [mon, tues] }")), 16, 25, "unknown day 'tues'");
        assertThat(error.hint()).isEqualTo("did you mean 'tue'?");
    }

    @Test
    void shouldRefuseAStageOffTheJourney()
    {
        singleError(load(withWhen("{ stage_reached: faq }")), 16, 28, "'faq' is on no journey stage");
    }

    @Test
    void shouldRefuseASessionDurationOutOfRange()
    {
        singleError(load(withWhen("{ session_longer_than: 2d }")), 16, 34, "session_longer_than 2d is out of its sane range");
    }

    @Test
    void shouldRefuseAnEmptyAny()
    {
        singleError(load(withWhen("{ any: [] }")), 16, 18, "'any' lists no conditions");
    }

    @Test
    void shouldRefuseAnUnknownKeyInsideNot()
    {
        final Diagnostic error = singleError(load(withWhen("{ not: { goal_reched: signup } }")), 16, 20, "unknown key 'goal_reched'");
        assertThat(error.hint()).isEqualTo("did you mean 'goal_reached'?");
        assertThat(error.path()).isEqualTo("triggers[0].when.not.goal_reched");
    }

    @Test
    void shouldCloseAWindowAtTheDaysEndWith2400()
    {
        final CompiledCatalog catalog = compiled(withWhen("{ time: { from: \"22:00\", to: \"24:00\" } }"));
        assertThat(holds(catalog, Instant.parse("2026-12-07T21:59:59Z").toEpochMilli())).isFalse();
        assertThat(holds(catalog, Instant.parse("2026-12-07T22:00:00Z").toEpochMilli())).isTrue();
        assertThat(holds(catalog, Instant.parse("2026-12-07T23:59:59Z").toEpochMilli())).isTrue();
        assertThat(holds(catalog, Instant.parse("2026-12-08T00:00:00Z").toEpochMilli())).as("24:00 is out, as every closing minute").isFalse();
    }

    @Test
    void shouldRefuseAWindowThatOpensAt2400OrAfter()
    {
        final Diagnostic error = singleError(load(withWhen("{ time: { from: \"24:00\", to: \"06:00\" } }")), 16, 27, "24:00 ends a day");
        assertThat(error.hint()).contains("00:00");
        singleError(load(withWhen("{ time: { from: \"22:00\", to: \"24:01\" } }")), 16, 40, "'24:01' is not a time of day");
    }

    @Test
    void shouldRefuseADayNotInLowerCase()
    {
        final Diagnostic error = singleError(load(withWhen("{ days: [Mon] }")), 16, 20, "unknown day 'Mon'");
        assertThat(error.hint()).isEqualTo("did you mean 'mon'?");
    }

    @Test
    void shouldRefuseAnAbbreviatedZoneAsOfficeHoursDo()
    {
        final Diagnostic error = singleError(load(insertAfter(4, "  time_zone: CET")), 5, 14, "'CET' is not an IANA time zone");
        assertThat(error.hint()).isEqualTo(dev.pulse.catalog.model.TimeTerms.ZONE_HINT);
    }

    @Test
    void shouldRefuseATimeZoneThatIsNoIanaZone()
    {
        singleError(load(insertAfter(4, "  time_zone: +02:00")), 5, 14, "is not an IANA time zone");
        singleError(load(insertAfter(4, "  time_zone: Europe/Berlni")), 5, 14, "is not an IANA time zone");
    }
}
