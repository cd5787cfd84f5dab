package dev.pulse.detect;

import dev.pulse.detect.detector.BackAndForthDetector;
import dev.pulse.detect.detector.CartCheckoutLoopDetector;
import dev.pulse.detect.detector.ExitIntentDetector;
import dev.pulse.detect.detector.FailedSearchDetector;
import dev.pulse.detect.detector.IdleOnKeyPageDetector;
import dev.pulse.detect.detector.RageClickDetector;
import dev.pulse.detect.detector.RepeatedFormErrorDetector;
import dev.pulse.detect.trigger.AllCondition;
import dev.pulse.detect.trigger.AnyCondition;
import dev.pulse.detect.trigger.ContextEqualsCondition;
import dev.pulse.detect.trigger.ContextNumberCondition;
import dev.pulse.detect.trigger.DayOfWeekCondition;
import dev.pulse.detect.trigger.GoalReachedCondition;
import dev.pulse.detect.trigger.NotCondition;
import dev.pulse.detect.trigger.SessionLongerThanCondition;
import dev.pulse.detect.trigger.SiteTimeZone;
import dev.pulse.detect.trigger.StageReachedCondition;
import dev.pulse.detect.trigger.TimeOfDayCondition;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerCondition;
import dev.pulse.detect.trigger.TriggerMode;
import dev.pulse.detect.trigger.VisitedPageKindCondition;

import static dev.pulse.detect.PageKinds.CART;
import static dev.pulse.detect.PageKinds.CHECKOUT;
import static dev.pulse.detect.PageKinds.FAQ;
import static dev.pulse.detect.PageKinds.KEY_PAGES;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;

/** A catalog's worth of triggers: every detector at its defaults, each with its own question. */
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
                new ContextNumberCondition(Hash64.of("no-such-key"), 6, true, Double.POSITIVE_INFINITY, false, true),
                new ContextEqualsCondition(Hash64.of("no-such-key"), Hash64.of("pro"), true),
                new GoalReachedCondition(Hash64.of("never")),
                new StageReachedCondition(0L),
                new AllCondition(new TimeOfDayCondition(berlin, 0, 24 * 60), new DayOfWeekCondition(berlin, 0b1111111),
                    new NotCondition(new GoalReachedCondition(Hash64.of("never"))))));
    }

    /** Two are urgent, one runs in shadow, the idle one needs a FAQ visit first; each carries {@link #alwaysHoldingRichConditions}. */
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
        };
    }
}
