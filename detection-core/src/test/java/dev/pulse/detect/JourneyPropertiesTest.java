package dev.pulse.detect;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import dev.pulse.detect.detector.Detector;
import dev.pulse.detect.governor.GovernorPolicy;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerMode;

import static dev.pulse.detect.PageKinds.CART;
import static dev.pulse.detect.PageKinds.CHECKOUT;
import static org.assertj.core.api.Assertions.assertThat;

class JourneyPropertiesTest
{
    /** Pages of a small shop; the index of a path is its place in {@link #KINDS}. */
    private static final String[] PATHS = {"/", "/products", "/product/1", "/product/2", "/product/3", "/pricing", "/faq", "/search", "/cart", "/checkout"};
    private static final int[] KINDS = {1, 4, 4, 4, 4, 2, 3, 7, CART, CHECKOUT};
    private static final int ORDINARY_PAGES = 9;

    /** One step of a journey: wait {@code gapMs}, then do {@code action} with {@code arg}. */
    record Step(long gapMs, Action action, int arg)
    {
    }

    enum Action
    {
        NAVIGATE, BACK, ACTIVE, HIDE, SHOW, CLICK, SEARCH_HIT, SEARCH_MISS, FORM_ERROR, EXIT_INTENT, ANSWER, DISMISS
    }

    @Property(tries = 300)
    void ordinaryJourneysNeverSignal(@ForAll("ordinaryJourneys") final List<Step> journey)
    {
        final TestSession session = new TestSession(TestSession.permissivePolicy(), StandardTriggers.everyDetector());
        assertThat(run(session, journey)).isEmpty();
    }

    @Property(tries = 500)
    void noJourneyGetsMoreQuestionsThanTheGovernorAllows(@ForAll("anyJourneys") final List<Step> journey, @ForAll final long sid)
    {
        final GovernorPolicy policy = GovernorPolicy.DEFAULT;
        final TestSession session = new TestSession(sid, ~sid, policy, StandardTriggers.everyDetector());
        final List<String> shownQuestions = new ArrayList<>();
        int asked = 0;
        long lastAskedMs = 0;
        for (final Decided decided : run(session, journey))
        {
            if (!decided.verdict().asked())
            {
                continue;
            }
            assertThat(decided.trigger().mode()).as("shadow never asks").isEqualTo(TriggerMode.LIVE);
            if (!decided.trigger().urgent() && lastAskedMs > 0)
            {
                assertThat(decided.atMs() - lastAskedMs).as("cooldown").isGreaterThanOrEqualTo(policy.cooldownMs());
            }
            if (decided.verdict() == Verdict.SHOWN)
            {
                assertThat(decided.openIidBefore()).as("one open question at a time").isZero();
                assertThat(shownQuestions).as("never the same question twice").doesNotContain(decided.trigger().questionId());
                shownQuestions.add(decided.trigger().questionId());
            }
            lastAskedMs = decided.atMs();
            asked++;
        }
        assertThat(asked).as("session cap").isLessThanOrEqualTo(policy.maxQuestionsPerSession());
        assertThat(session.state.questions().askedCount()).isEqualTo(asked);
        session.state.verifyLayout();
    }

    @Property(tries = 200)
    void theSameEventsAlwaysGiveTheSameSignals(@ForAll("anyJourneys") final List<Step> journey, @ForAll final long sid)
    {
        final List<Decided> first = run(new TestSession(sid, 7, GovernorPolicy.DEFAULT, StandardTriggers.everyDetector()), journey);
        final List<Decided> second = run(new TestSession(sid, 7, GovernorPolicy.DEFAULT, StandardTriggers.everyDetector()), journey);
        assertThat(second).hasSameSizeAs(first);
        assertThat(second.toString()).isEqualTo(first.toString());
    }

    /**
     * Forward browsing with occasional single backs (never two within 46 s, so never three in a
     * 90 s window), successful searches, unhurried clicks, activity at least every minute, tab
     * switches; never a checkout, a failed search, an exit intent or a burst of form errors.
     */
    @Provide
    Arbitrary<List<Step>> ordinaryJourneys()
    {
        final Arbitrary<Step> browse = Combinators.combine(
            Arbitraries.longs().between(1_100, 60_000),
            Arbitraries.of(Action.NAVIGATE, Action.ACTIVE, Action.HIDE, Action.SHOW, Action.CLICK, Action.SEARCH_HIT),
            Arbitraries.integers().between(0, 99)).as(Step::new);
        final Arbitrary<Step> rareBack = Arbitraries.longs().between(46_000, 60_000).map(gap -> new Step(gap, Action.BACK, 0));
        final Arbitrary<Step> rareFormError = Arbitraries.longs().between(31_000, 60_000).map(gap -> new Step(gap, Action.FORM_ERROR, 0));
        return Arbitraries.frequencyOf(
                Tuple.of(20, browse),
                Tuple.of(1, rareBack),
                Tuple.of(1, rareFormError))
            .list().ofMinSize(1).ofMaxSize(120)
            .map(JourneyPropertiesTest::withoutBackToBackBacks);
    }

    /** Anything at any pace, including bursts that complete every pattern. */
    @Provide
    Arbitrary<List<Step>> anyJourneys()
    {
        final Arbitrary<Long> gaps = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.longs().between(0, 2_000)),
            Tuple.of(3, Arbitraries.longs().between(2_000, 60_000)),
            Tuple.of(1, Arbitraries.longs().between(60_000, 400_000)));
        return Combinators.combine(gaps, Arbitraries.of(Action.class), Arbitraries.integers().between(0, 99))
            .as(Step::new)
            .list().ofMinSize(1).ofMaxSize(200);
    }

    /** Two backs in a row would be a back to the page before last: keep single backs single. */
    private static List<Step> withoutBackToBackBacks(final List<Step> steps)
    {
        final List<Step> result = new ArrayList<>();
        long sinceLastBackMs = Long.MAX_VALUE / 2;
        for (final Step step : steps)
        {
            sinceLastBackMs += step.gapMs();
            if (step.action() == Action.BACK)
            {
                if (sinceLastBackMs < 46_000 || result.isEmpty() || result.get(result.size() - 1).action() == Action.BACK)
                {
                    continue;
                }
                sinceLastBackMs = 0;
            }
            result.add(step);
        }
        return result;
    }

    /** One governor decision, with the open question just before the event that produced it. */
    record Decided(long atMs, Trigger trigger, Verdict verdict, int iid, int openIidBefore)
    {
        @Override
        public String toString()
        {
            return atMs + " " + trigger.id() + " " + verdict + " " + iid;
        }
    }

    /** Runs a journey the way the server would, firing due timers between steps. */
    private static List<Decided> run(final TestSession session, final List<Step> journey)
    {
        final List<Decided> decisions = new ArrayList<>();
        for (final Step step : journey)
        {
            final long stepAtMs = session.nowMs() + step.gapMs();
            final long deadlineMs = session.nextDeadlineMs();
            if (deadlineMs != Detector.NO_DEADLINE && deadlineMs <= stepAtMs)
            {
                final int openBefore = session.state.questions().openIid();
                session.advance(Math.max(0, deadlineMs - session.nowMs())).timer();
                collect(session, openBefore, decisions);
            }
            session.advance(stepAtMs - session.nowMs());
            final int openBefore = session.state.questions().openIid();
            if (perform(session, step))
            {
                collect(session, openBefore, decisions);
            }
        }
        return decisions;
    }

    private static void collect(final TestSession session, final int openIidBefore, final List<Decided> into)
    {
        for (int i = 0; i < session.decisions.size(); i++)
        {
            into.add(new Decided(session.nowMs(), session.decisions.trigger(i), session.decisions.verdict(i),
                session.decisions.iid(i), openIidBefore));
        }
    }

    /** Performs the step; returns whether it went through the event processor (answers and dismisses do not). */
    private static boolean perform(final TestSession session, final Step step)
    {
        final int arg = step.arg();
        switch (step.action())
        {
            case NAVIGATE:
                final int page = arg % ORDINARY_PAGES;
                session.navigate(PATHS[page], KINDS[page]);
                break;
            case BACK:
                final int back = session.state.history().pageCount() > 1 ? pageIndexOf(session.state.history().pageHashAt(1)) : arg % PATHS.length;
                session.back(PATHS[back], KINDS[back]);
                break;
            case ACTIVE:
                session.active();
                break;
            case HIDE:
                session.visibility(true);
                break;
            case SHOW:
                session.visibility(false);
                break;
            case CLICK:
                session.click("#target-" + (arg % 4), arg, arg);
                break;
            case SEARCH_HIT:
                session.search(1 + arg);
                break;
            case SEARCH_MISS:
                session.search(0);
                break;
            case FORM_ERROR:
                session.formError("form-" + (arg % 2), "field");
                break;
            case EXIT_INTENT:
                session.exitIntent();
                break;
            case ANSWER:
                session.answer(session.state.questions().openIid());
                return false;
            case DISMISS:
                session.dismiss(session.state.questions().openIid());
                return false;
            default:
                throw new IllegalStateException(step.action().name());
        }
        return true;
    }

    private static int pageIndexOf(final long pageHash)
    {
        for (int i = 0; i < PATHS.length; i++)
        {
            if (PagePath.hashOf(PATHS[i]) == pageHash)
            {
                return i;
            }
        }
        return 0;
    }
}
