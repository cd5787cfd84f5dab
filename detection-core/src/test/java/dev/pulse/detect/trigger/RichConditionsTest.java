package dev.pulse.detect.trigger;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.ContextRecorder;
import dev.pulse.detect.EventType;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.TestSession;
import dev.pulse.detect.detector.FailedSearchDetector;

import static dev.pulse.detect.PageKinds.CART;
import static dev.pulse.detect.PageKinds.CHECKOUT;
import static dev.pulse.detect.PageKinds.PRICING;
import static dev.pulse.detect.PageKinds.SEARCH;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19's conditions at their exact edges, on the session record, with a fake clock. */
class RichConditionsTest
{
    private static final long TEAM = Hash64.of("team_size");
    private static final long PLAN = Hash64.of("plan");
    private static final TriggerCondition TRUE = (state, nowMs) -> true;
    private static final TriggerCondition FALSE = (state, nowMs) -> false;

    private final TestSession session = new TestSession(TestSession.permissivePolicy());

    /** The session clock {@code offsetMs} after the test session's start. */
    private long at(final long offsetMs)
    {
        return session.at(offsetMs).nowMs();
    }

    private static long epochMs(final String instant)
    {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void shouldCombineWithOrAndNotAsTheirTruthTables()
    {
        assertThat(new AnyCondition(FALSE, FALSE).test(session.state, 0)).isFalse();
        assertThat(new AnyCondition(FALSE, TRUE).test(session.state, 0)).isTrue();
        assertThat(new AnyCondition(TRUE, FALSE).test(session.state, 0)).isTrue();
        assertThat(new AnyCondition(TRUE, TRUE).test(session.state, 0)).isTrue();
        assertThat(new AnyCondition().test(session.state, 0)).as("any of nothing").isFalse();
        assertThat(new AllCondition(TRUE, FALSE).test(session.state, 0)).isFalse();
        assertThat(new AllCondition(TRUE, TRUE).test(session.state, 0)).isTrue();
        assertThat(new AllCondition().test(session.state, 0)).as("all of nothing").isTrue();
        assertThat(new NotCondition(TRUE).test(session.state, 0)).isFalse();
        assertThat(new NotCondition(FALSE).test(session.state, 0)).isTrue();
        assertThat(new NotCondition(new AnyCondition(FALSE, TRUE)).test(session.state, 0)).isFalse();
    }

    @Test
    void shouldCompareNumbersAtTheirExactEdges()
    {
        final TriggerCondition atLeastSix = new ContextNumberCondition(TEAM, 6, true, Double.POSITIVE_INFINITY, false, false);
        final TriggerCondition moreThanSix = new ContextNumberCondition(TEAM, 6, false, Double.POSITIVE_INFINITY, false, false);
        final TriggerCondition belowSix = new ContextNumberCondition(TEAM, Double.NEGATIVE_INFINITY, false, 6, false, false);
        final TriggerCondition atMostSix = new ContextNumberCondition(TEAM, Double.NEGATIVE_INFINITY, false, 6, true, false);
        assertThat(atLeastSix.test(session.state, 0)).as("absent").isFalse();
        assertThat(belowSix.test(session.state, 0)).as("absent is not below either").isFalse();

        session.state.context().putContext(TEAM, Hash64.of("5.999"), 5.999, false);
        assertThat(atLeastSix.test(session.state, 0)).isFalse();
        assertThat(belowSix.test(session.state, 0)).isTrue();
        session.state.context().putContext(TEAM, Hash64.of("6"), 6, false);
        assertThat(atLeastSix.test(session.state, 0)).isTrue();
        assertThat(moreThanSix.test(session.state, 0)).isFalse();
        assertThat(belowSix.test(session.state, 0)).isFalse();
        assertThat(atMostSix.test(session.state, 0)).isTrue();
        session.state.context().putContext(TEAM, Hash64.of("many"), Double.NaN, false);
        assertThat(atLeastSix.test(session.state, 0)).as("not a number").isFalse();
        assertThat(belowSix.test(session.state, 0)).as("not a number").isFalse();
    }

    @Test
    void shouldNeverLetThePageOverwriteATrustedValue()
    {
        session.state.context().putContext(PLAN, Hash64.of("pro"), Double.NaN, true);
        session.state.context().putContext(PLAN, Hash64.of("enterprise"));
        assertThat(session.state.context().contextEquals(PLAN, Hash64.of("pro"), true)).isTrue();
        assertThat(session.state.context().contextEquals(PLAN, Hash64.of("enterprise"))).isFalse();

        session.state.context().putContext(TEAM, Hash64.of("8"), 8, false);
        final TriggerCondition trustedTeam = new ContextNumberCondition(TEAM, 6, true, Double.POSITIVE_INFINITY, false, true);
        final TriggerCondition anyTeam = new ContextNumberCondition(TEAM, 6, true, Double.POSITIVE_INFINITY, false, false);
        assertThat(trustedTeam.test(session.state, 0)).as("the page's value under trusted: true").isFalse();
        assertThat(anyTeam.test(session.state, 0)).isTrue();
        assertThat(new ContextEqualsCondition(TEAM, Hash64.of("8"), true).test(session.state, 0)).isFalse();

        session.state.context().putContext(TEAM, Hash64.of("7"), 7, true);
        assertThat(trustedTeam.test(session.state, 0)).as("the backend's value").isTrue();
        assertThat(session.state.context().contextTrusted(TEAM)).isTrue();
        assertThat(session.state.context().contextCount()).isEqualTo(2);
    }

    @Test
    void shouldTakeABackendContextEventAsTrustedContextWithNumbers()
    {
        session.state.context().putContext(TEAM, Hash64.of("2"), 2, false);
        session.event.reset(EventType.BACKEND).backend(ContextRecorder.CONTEXT_EVENT_HASH).backendField(TEAM, Hash64.of("12"), 12, "12");
        session.at(0).send(session.event);
        assertThat(session.state.context().contextNumber(TEAM, true)).isEqualTo(12);
        session.event.reset(EventType.BACKEND).backend(Hash64.of("payment_declined")).backendField(PLAN, Hash64.of("pro"), Double.NaN, "pro");
        session.at(1).send(session.event);
        assertThat(session.state.context().contextCount()).as("another backend event is no context").isEqualTo(1);
    }

    @Test
    void shouldOpenAndCloseATimeWindowOnTheMinute()
    {
        final SiteTimeZone utc = SiteTimeZone.UTC;
        final TriggerCondition officeHours = new TimeOfDayCondition(utc, 9 * 60, 17 * 60 + 30);
        assertThat(officeHours.test(session.state, epochMs("2026-12-07T08:59:59.999Z"))).isFalse();
        assertThat(officeHours.test(session.state, epochMs("2026-12-07T09:00:00Z"))).isTrue();
        assertThat(officeHours.test(session.state, epochMs("2026-12-07T17:29:59.999Z"))).isTrue();
        assertThat(officeHours.test(session.state, epochMs("2026-12-07T17:30:00Z"))).isFalse();

        final TriggerCondition night = new TimeOfDayCondition(utc, 22 * 60, 6 * 60);
        assertThat(night.test(session.state, epochMs("2026-12-07T21:59:00Z"))).isFalse();
        assertThat(night.test(session.state, epochMs("2026-12-07T22:00:00Z"))).isTrue();
        assertThat(night.test(session.state, epochMs("2026-12-08T00:00:00Z"))).isTrue();
        assertThat(night.test(session.state, epochMs("2026-12-08T05:59:00Z"))).isTrue();
        assertThat(night.test(session.state, epochMs("2026-12-08T06:00:00Z"))).isFalse();
    }

    @Test
    void shouldReadTheWallTimeThroughTheRecordedSkew()
    {
        final TriggerCondition officeHours = new TimeOfDayCondition(SiteTimeZone.UTC, 9 * 60, 17 * 60);
        final long monotonicMs = 5_000;
        session.state.context().wallSkewMs(epochMs("2026-12-07T09:00:00Z") - monotonicMs);
        assertThat(officeHours.test(session.state, monotonicMs - 1)).isFalse();
        assertThat(officeHours.test(session.state, monotonicMs)).isTrue();
    }

    @Test
    void shouldTurnTheDayAtLocalMidnightInTheSitesZone()
    {
        final SiteTimeZone tokyo = new SiteTimeZone(ZoneId.of("Asia/Tokyo"));
        final TriggerCondition monday = new DayOfWeekCondition(tokyo, 1);
        // Monday 2026-12-07 00:00 in Tokyo is Sunday 15:00 UTC.
        assertThat(monday.test(session.state, epochMs("2026-12-06T14:59:59.999Z"))).isFalse();
        assertThat(monday.test(session.state, epochMs("2026-12-06T15:00:00Z"))).isTrue();
        assertThat(monday.test(session.state, epochMs("2026-12-07T14:59:59.999Z"))).isTrue();
        assertThat(monday.test(session.state, epochMs("2026-12-07T15:00:00Z"))).isFalse();
        assertThat(new DayOfWeekCondition(SiteTimeZone.UTC, 1 << 6).test(session.state, epochMs("2026-12-06T15:00:00Z")))
            .as("still Sunday in UTC").isTrue();
    }

    @Test
    void shouldFollowDaylightSavingTime()
    {
        final SiteTimeZone berlin = new SiteTimeZone(ZoneId.of("Europe/Berlin"));
        final TriggerCondition nineToFive = new TimeOfDayCondition(berlin, 9 * 60, 17 * 60);
        // Winter: UTC+1, summer (from 2026-03-29 01:00 UTC): UTC+2.
        assertThat(nineToFive.test(session.state, epochMs("2026-03-28T08:00:00Z"))).isTrue();
        assertThat(nineToFive.test(session.state, epochMs("2026-03-28T07:59:00Z"))).isFalse();
        assertThat(nineToFive.test(session.state, epochMs("2026-03-30T07:00:00Z"))).isTrue();
        assertThat(nineToFive.test(session.state, epochMs("2026-03-30T06:59:00Z"))).isFalse();
        assertThat(berlin.minuteOfDay(epochMs("2026-03-29T00:59:59Z"))).isEqualTo(119);
        assertThat(berlin.minuteOfDay(epochMs("2026-03-29T01:00:00Z"))).as("02:00 never happens").isEqualTo(180);
    }

    @Test
    void shouldCountTheSessionLongerThanItsDurationOnlyAfterIt()
    {
        final TriggerCondition longerThanTwoMinutes = new SessionLongerThanCondition(120_000);
        assertThat(longerThanTwoMinutes.test(session.state, TestSession.T0 + 120_000)).isFalse();
        assertThat(longerThanTwoMinutes.test(session.state, TestSession.T0 + 120_001)).isTrue();
    }

    @Test
    void shouldReachAStageByAnyKindAtItOrLater()
    {
        final TriggerCondition cartReached = new StageReachedCondition(1L << CART | 1L << CHECKOUT);
        assertThat(cartReached.test(session.state, session.nowMs())).as("no page yet").isFalse();
        session.at(0).navigate("/pricing", PRICING);
        assertThat(cartReached.test(session.state, session.nowMs())).isFalse();
        session.at(1_000).navigate("/checkout", CHECKOUT);
        assertThat(cartReached.test(session.state, session.nowMs())).as("the current page counts").isTrue();
        session.at(2_000).navigate("/pricing", PRICING);
        assertThat(cartReached.test(session.state, session.nowMs())).as("and stays reached").isTrue();
    }

    @Test
    void shouldRememberGoalsReachedUpToItsCapacityAndTheNewest()
    {
        final TriggerCondition signedUp = new GoalReachedCondition(Hash64.of("signup"));
        assertThat(signedUp.test(session.state, 0)).isFalse();
        session.at(0).goal("signup");
        session.at(1).goal("signup");
        assertThat(signedUp.test(session.state, 0)).isTrue();
        for (int i = 0; i < 8; i++)
        {
            session.at(2 + i).goal("goal-" + i);
        }
        assertThat(signedUp.test(session.state, 0)).as("the oldest of nine goes").isFalse();
        assertThat(new GoalReachedCondition(Hash64.of("goal-7")).test(session.state, 0)).isTrue();
    }

    @Test
    void shouldHoldOnceTheSessionSearchedForTheIntentAsItsTruthTable()
    {
        final int returns = 1;
        final int warranty = 2;
        final TriggerCondition searchedReturns = new SearchedForCondition(returns, 1, 0);
        final TriggerCondition twiceWithinAMinute = new SearchedForCondition(returns, 2, 60_000);
        assertThat(searchedReturns.test(session.state, at(0))).as("no search yet").isFalse();
        session.at(0).search(3, 0);
        assertThat(searchedReturns.test(session.state, at(0))).as("a search of no intent").isFalse();
        session.at(1_000).search(0, warranty);
        assertThat(searchedReturns.test(session.state, at(1_000))).as("a search of another intent").isFalse();
        session.at(2_000).search(5, returns);
        assertThat(searchedReturns.test(session.state, at(2_000))).as("found something or not, it counts").isTrue();
        assertThat(searchedReturns.test(session.state, at(86_400_000))).as("no window: any time in the session").isTrue();
        assertThat(twiceWithinAMinute.test(session.state, at(2_000))).as("once is not twice").isFalse();
        session.at(62_000).search(0, returns);
        assertThat(twiceWithinAMinute.test(session.state, at(62_000))).as("the first is exactly 60 s old: in").isTrue();
        assertThat(twiceWithinAMinute.test(session.state, at(62_001))).as("and a millisecond later out").isFalse();
        assertThat(new NotCondition(searchedReturns).test(session.state, at(62_000))).isFalse();
        assertThat(new AnyCondition(FALSE, new SearchedForCondition(warranty, 1, 0)).test(session.state, at(62_000))).isTrue();
        for (int i = 0; i < 8; i++)
        {
            session.at(63_000 + i).search(1, warranty);
        }
        assertThat(searchedReturns.test(session.state, at(70_000))).as("pushed out by eight later searches of another intent").isFalse();
    }

    @Test
    void shouldGateATriggerOnAnOrOfItsConditions()
    {
        final TestSession gated = new TestSession(TestSession.permissivePolicy(),
            trigger("search", new FailedSearchDetector(1, 60_000)).when(new AnyCondition(
                new GoalReachedCondition(Hash64.of("signup")),
                new NotCondition(new ContextEqualsCondition(PLAN, Hash64.of("free"))))).build());
        gated.state.context().putContext(PLAN, Hash64.of("free"));
        gated.at(0).navigate("/search", SEARCH);
        assertThat(gated.at(1_000).search(0).size()).isZero();
        gated.at(2_000).goal("signup");
        assertThat(gated.at(3_000).search(0).size()).isOne();
    }

    @Test
    void shouldKeepContextTextsAsUtf8CutAtACharacterBoundary()
    {
        final long name = Hash64.of("first_name");
        final StringBuilder text = new StringBuilder();
        assertThat(session.state.context().appendContextText(name, text)).isFalse();
        assertThat(session.state.context().putContextText(name, "Zoë 😀", false)).isTrue();
        assertThat(session.state.context().appendContextText(name, text)).isTrue();
        assertThat(text.toString()).isEqualTo("Zoë 😀");

        text.setLength(0);
        session.state.context().putContextText(name, "é".repeat(40), true);
        session.state.context().appendContextText(name, text);
        assertThat(text.toString()).as("27 two-byte characters fit in 55 bytes").isEqualTo("é".repeat(27));
        assertThat(session.state.context().putContextText(name, "Mallory", false)).as("trusted text stays").isFalse();
        assertThat(session.state.context().putContextText(Hash64.of("a"), "a", false)).isTrue();
        assertThat(session.state.context().putContextText(Hash64.of("b"), "b", false)).isTrue();
        assertThat(session.state.context().putContextText(Hash64.of("c"), "c", false)).as("three slots").isFalse();
    }

    @Test
    void shouldReadAContextValueAsANumberOnlyWhenItIsOne()
    {
        assertThat(ContextRecorder.number("6")).isEqualTo(6);
        assertThat(ContextRecorder.number("-2.5")).isEqualTo(-2.5);
        assertThat(ContextRecorder.number("5.999")).isEqualTo(5.999);
        assertThat(ContextRecorder.number("007")).isEqualTo(7);
        for (final String text : new String[] {"", "-", "6 people", "1e3", "6.", ".5", "1.2.3", "--1", "1234567890123456"})
        {
            assertThat(ContextRecorder.number(text)).as(text).isNaN();
        }
    }
}
