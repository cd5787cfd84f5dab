package dev.pulse.detect;

import dev.pulse.detect.detector.BackAndForthDetector;
import dev.pulse.detect.detector.BackendEventDetector;
import dev.pulse.detect.detector.BackendFieldCondition;
import dev.pulse.detect.detector.CartCheckoutLoopDetector;
import dev.pulse.detect.detector.ExitIntentDetector;
import dev.pulse.detect.detector.FailedSearchDetector;
import dev.pulse.detect.detector.SearchIntentDetector;
import dev.pulse.detect.detector.IdleOnKeyPageDetector;
import dev.pulse.detect.detector.RageClickDetector;
import dev.pulse.detect.detector.RepeatedFormErrorDetector;
import dev.pulse.detect.trigger.AllCondition;
import dev.pulse.detect.trigger.AnyCondition;
import dev.pulse.detect.trigger.ContextEqualsCondition;
import dev.pulse.detect.trigger.ContextNumberCondition;
import dev.pulse.detect.trigger.DayOfWeekCondition;
import dev.pulse.detect.trigger.GoalReachedCondition;
import dev.pulse.detect.trigger.SearchedForCondition;
import dev.pulse.detect.trigger.NotCondition;
import dev.pulse.detect.trigger.SessionLongerThanCondition;
import dev.pulse.detect.trigger.SiteTimeZone;
import dev.pulse.detect.trigger.StageReachedCondition;
import dev.pulse.detect.trigger.TimeOfDayCondition;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.ScrolledBackCondition;
import dev.pulse.detect.trigger.TriggerCondition;
import dev.pulse.detect.trigger.TriggerMode;
import dev.pulse.detect.trigger.VisitedPageKindCondition;

import static dev.pulse.detect.PageKinds.CART;
import static dev.pulse.detect.PageKinds.CHECKOUT;
import static dev.pulse.detect.PageKinds.FAQ;
import static dev.pulse.detect.PageKinds.KEY_PAGES;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;

/** A catalog's worth of triggers: every detector (most at their defaults), each with its own question. */
public final class StandardTriggers
{
    private StandardTriggers()
    {
    }

    /**
     * A tree of issue 19's conditions that always holds, yet evaluates every condition type on every
     * check (the false ones first, OR going on to the true ones): each trigger below carries it, so
     * the zero-allocation tests and every scenario run them on the hot path without changing what
     * fires, and the call sites' type profiles are complete from the first warm-up (a type first seen
     * late would deoptimise compiled code, whose scalar-replaced iterators then show as allocations).
     */
    public static TriggerCondition alwaysHoldingRichConditions()
    {
        final SiteTimeZone berlin = new SiteTimeZone(java.time.ZoneId.of("Europe/Berlin"));
        return new AllCondition(
            new SessionLongerThanCondition(-1),
            new AnyCondition(
                new ScrolledBackCondition(Integer.MAX_VALUE),
                new ContextNumberCondition(Hash64.of("no-such-key"), 6, true, Double.POSITIVE_INFINITY, false, true),
                new ContextEqualsCondition(Hash64.of("no-such-key"), Hash64.of("pro"), true),
                new GoalReachedCondition(Hash64.of("never")),
                new SearchedForCondition(0xFFFF, 1, 60_000),
                new StageReachedCondition(0L),
                new AllCondition(new TimeOfDayCondition(berlin, 0, 24 * 60), new DayOfWeekCondition(berlin, 0b1111111),
                    new NotCondition(new GoalReachedCondition(Hash64.of("never"))))));
    }

    /**
     * Three are urgent, one runs in shadow, the idle one needs a FAQ visit first, and an exit
     * intent one a scroll back up on its page; each carries {@link #alwaysHoldingRichConditions}.
     */
    public static Trigger[] everyDetector()
    {
        final TriggerCondition rich = alwaysHoldingRichConditions();
        return new Trigger[] {
            trigger("idle", new IdleOnKeyPageDetector(180_000, KEY_PAGES)).index(0).priority(1)
                .when(new TriggerCondition[] {new VisitedPageKindCondition(FAQ), rich}).build(),
            trigger("back", new BackAndForthDetector(3, 90_000)).index(1).priority(3).when(rich).build(),
            trigger("search", new FailedSearchDetector(2, 120_000)).index(2).priority(2).when(rich).build(),
            trigger("cart", new CartCheckoutLoopDetector(2, 600_000, CART, CHECKOUT)).index(3).priority(4).urgent().when(rich).build(),
            trigger("exit", new ExitIntentDetector(10_000, KEY_PAGES)).index(4).priority(5).when(rich).build(),
            trigger("rage", new RageClickDetector(3, 1_000, 30, new long[] {Hash64.of("#ignored")})).index(5).priority(6).urgent().when(rich).build(),
            trigger("forms", new RepeatedFormErrorDetector(3, 60_000)).index(6).priority(2).when(rich).build(),
            trigger("shadow-rage", new RageClickDetector(2, 1_000, 30, new long[0])).index(7).mode(TriggerMode.SHADOW).when(rich).build(),
            trigger("declined", new BackendEventDetector(2, 3_600_000).matching(Hash64.of("payment_declined"),
                BackendFieldCondition.textEquals(Hash64.of("reason"), Hash64.of("card_declined")),
                BackendFieldCondition.compare(Hash64.of("amount"), BackendFieldCondition.Operator.GREATER_OR_EQUAL, 20)))
                .index(8).priority(7).urgent().when(rich).build(),
            trigger("reread", new ExitIntentDetector(0, KEY_PAGES)).index(9).priority(1)
                .when(new TriggerCondition[] {new ScrolledBackCondition(1), rich}).build(),
        };
    }

    /**
     * The search triggers with intents (issue 19): a count of one intent's searches, failed searches
     * of another, and plain failed searches. Apart from {@link #everyDetector()}, whose eight fill
     * the session's trigger memory.
     */
    public static Trigger[] searchIntents()
    {
        return new Trigger[] {
            trigger("search", new FailedSearchDetector(2, 120_000)).index(0).priority(2).build(),
            trigger("intent", new SearchIntentDetector(1, 2, 600_000)).index(1).priority(1).build(),
            trigger("failed-intent", new FailedSearchDetector(1, 120_000, 2)).index(2).priority(3).build(),
        };
    }
}
