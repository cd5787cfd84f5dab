package dev.pulse.detect.governor;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.TestSession;
import dev.pulse.detect.detector.Detector;
import dev.pulse.detect.detector.ExitIntentDetector;
import dev.pulse.detect.detector.FailedSearchDetector;
import dev.pulse.detect.detector.RageClickDetector;
import dev.pulse.detect.detector.RepeatedFormErrorDetector;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerMode;

import static dev.pulse.detect.PageKinds.CHECKOUT;
import static dev.pulse.detect.PageKinds.HOME;
import static dev.pulse.detect.PageKinds.KEY_PAGES;
import static dev.pulse.detect.PageKinds.SEARCH;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static dev.pulse.detect.governor.Verdict.DEFERRED;
import static dev.pulse.detect.governor.Verdict.HOLDOUT;
import static dev.pulse.detect.governor.Verdict.SHADOW;
import static dev.pulse.detect.governor.Verdict.SHOWN;
import static dev.pulse.detect.governor.Verdict.SUPPRESSED_AFTER_DISMISS;
import static dev.pulse.detect.governor.Verdict.SUPPRESSED_ALREADY_ASKED;
import static dev.pulse.detect.governor.Verdict.SUPPRESSED_COOLDOWN;
import static dev.pulse.detect.governor.Verdict.SUPPRESSED_LOWER_PRIORITY;
import static dev.pulse.detect.governor.Verdict.SUPPRESSED_OPEN_QUESTION;
import static dev.pulse.detect.governor.Verdict.SUPPRESSED_PAGE_GRACE;
import static dev.pulse.detect.governor.Verdict.SUPPRESSED_SESSION_CAP;
import static dev.pulse.detect.governor.Verdict.SUPPRESSED_TRIGGER_COOLDOWN;
import static org.assertj.core.api.Assertions.assertThat;

class GovernorTest
{
    private static final GovernorPolicy NO_HOLDOUT = GovernorPolicy.DEFAULT.withHoldoutPerMillion(0);

    private static Trigger search(final String question)
    {
        return trigger("search", new FailedSearchDetector(1, 60_000)).question(question).build();
    }

    private static Trigger forms(final String question)
    {
        return trigger("forms", new RepeatedFormErrorDetector(2, 60_000)).question(question).build();
    }

    @Test
    void shouldShowTheFirstSignalAndOpenAnIntervention()
    {
        final TestSession session = new TestSession(NO_HOLDOUT, search("q1"));
        session.at(0).navigate("/search", SEARCH);
        assertThat(session.at(10_000).search(0).verdict(0)).isEqualTo(SHOWN);
        assertThat(session.decisions.iid(0)).isEqualTo(1);
        assertThat(session.state.questions().openIid()).isEqualTo(1);
        assertThat(session.state.questions().askedCount()).isOne();
    }

    @Test
    void shouldDeferASignalInTheFirstSecondsOfAPageViewUntilTheGraceHasPassed()
    {
        final TestSession session = new TestSession(NO_HOLDOUT, search("q1"));
        session.at(0).navigate("/search", SEARCH);
        assertThat(session.at(1_000).search(0).verdict(0)).isEqualTo(DEFERRED);
        assertThat(session.state.questions().openIid()).isZero();
        assertThat(session.nextDeadlineMs()).isEqualTo(TestSession.T0 + 5_000);
        assertThat(session.at(4_999).timer().size()).isZero();
        session.at(5_000).timer();
        assertThat(session.signalled()).containsExactly("search");
        assertThat(session.verdicts()).containsExactly(SHOWN);
        assertThat(session.decisions.iid(0)).isEqualTo(1);
        assertThat(session.nextDeadlineMs()).isEqualTo(Detector.NO_DEADLINE);
    }

    @Test
    void shouldDropADeferredSignalWhenThePersonLeavesThePageFirst()
    {
        final TestSession session = new TestSession(NO_HOLDOUT, search("q1"));
        session.at(0).navigate("/search", SEARCH);
        session.at(1_000).search(0);
        session.at(3_000).navigate("/", HOME);
        assertThat(session.signalled()).containsExactly("search");
        assertThat(session.verdicts()).containsExactly(SUPPRESSED_PAGE_GRACE);
        assertThat(session.at(60_000).timer().size()).isZero();
        assertThat(session.state.questions().askedCount()).isZero();
    }

    @Test
    void shouldDeferOneSignalAtATime()
    {
        final TestSession session = new TestSession(NO_HOLDOUT, search("q1"), forms("q2"));
        session.at(0).navigate("/checkout", CHECKOUT);
        session.at(1_000).search(0);
        session.at(2_000).formError("checkout", "card");
        assertThat(session.at(3_000).formError("checkout", "card").verdict(0)).isEqualTo(SUPPRESSED_PAGE_GRACE);
        session.at(5_000).timer();
        assertThat(session.signalled()).containsExactly("search");
    }

    @Test
    void shouldDecideADeferredSignalAgainstTheRulesOfTheMomentItComesDue()
    {
        final TestSession session = new TestSession(NO_HOLDOUT, search("q1"),
            trigger("forms", new RepeatedFormErrorDetector(2, 60_000)).question("q2").early().build());
        session.at(0).navigate("/checkout", CHECKOUT);
        session.at(1_000).search(0);
        session.at(2_000).formError("checkout", "card");
        assertThat(session.at(3_000).formError("checkout", "card").verdict(0)).as("asks early").isEqualTo(SHOWN);
        session.at(5_000).timer();
        assertThat(session.verdicts()).containsExactly(SUPPRESSED_OPEN_QUESTION);
    }

    @Test
    void shouldLetATriggerThatAsksEarlySkipThePageGrace()
    {
        final TestSession session = new TestSession(NO_HOLDOUT,
            trigger("search", new FailedSearchDetector(1, 60_000)).early().build());
        session.at(0).navigate("/search", SEARCH);
        assertThat(session.at(100).search(0).verdict(0)).isEqualTo(SHOWN);
    }

    @Test
    void shouldAllowOnlyOneOpenQuestion()
    {
        final TestSession session = new TestSession(NO_HOLDOUT.withCooldown(0), search("q1"), forms("q2"));
        session.at(0).navigate("/checkout", CHECKOUT);
        assertThat(session.at(10_000).search(0).verdict(0)).isEqualTo(SHOWN);
        session.at(11_000).formError("checkout", "card");
        assertThat(session.at(12_000).formError("checkout", "card").verdict(0)).isEqualTo(SUPPRESSED_OPEN_QUESTION);
    }

    @Test
    void shouldWaitTheCooldownCountedFromTheLastDisplay()
    {
        assertThat(secondSignalAfterFirstShownAt(12_000)).isEqualTo(SUPPRESSED_COOLDOWN);
        assertThat(secondSignalAfterFirstShownAt(300_000 - 1)).isEqualTo(SUPPRESSED_COOLDOWN);
        assertThat(secondSignalAfterFirstShownAt(300_000)).isEqualTo(SHOWN);
    }

    /** Shows one question, answers it, then completes another trigger's pattern {@code afterMs} later. */
    private static Verdict secondSignalAfterFirstShownAt(final long afterMs)
    {
        final TestSession session = new TestSession(NO_HOLDOUT, search("q1"), forms("q2"));
        session.at(0).navigate("/checkout", CHECKOUT);
        session.at(10_000).search(0);
        assertThat(session.answer(1)).isTrue();
        session.at(10_000 + afterMs - 1).formError("checkout", "card");
        return session.at(10_000 + afterMs).formError("checkout", "card").verdict(0);
    }

    @Test
    void shouldLetAnUrgentTriggerSkipTheCooldownButNeverTheCap()
    {
        final Trigger urgentForms = trigger("forms", new RepeatedFormErrorDetector(2, 60_000)).question("q2").urgent().build();
        final Trigger urgentRage = trigger("rage", new RageClickDetector(2, 1_000, 30, new long[0])).question("q3").urgent().build();
        final TestSession session = new TestSession(NO_HOLDOUT, search("q1"), urgentForms, urgentRage);
        session.at(0).navigate("/checkout", CHECKOUT);
        session.at(10_000).search(0);
        session.answer(1);
        session.at(11_000).formError("checkout", "card");
        assertThat(session.at(12_000).formError("checkout", "card").verdict(0)).isEqualTo(SHOWN);
        session.answer(2);
        session.at(13_000).click("#pay", 5, 5);
        assertThat(session.at(13_100).click("#pay", 5, 5).verdict(0)).isEqualTo(SUPPRESSED_SESSION_CAP);
    }

    @Test
    void shouldNeverAskTheSameQuestionTwice()
    {
        final TestSession session = new TestSession(NO_HOLDOUT.withCooldown(0), search("same"), forms("same"));
        session.at(0).navigate("/checkout", CHECKOUT);
        session.at(10_000).search(0);
        session.answer(1);
        session.at(11_000).formError("checkout", "card");
        assertThat(session.at(12_000).formError("checkout", "card").verdict(0)).isEqualTo(SUPPRESSED_ALREADY_ASKED);
    }

    @Test
    void shouldStopAtTheSessionCap()
    {
        final GovernorPolicy capOne = new GovernorPolicy(0, 1, 0, false, 0);
        final TestSession session = new TestSession(capOne, search("q1"), forms("q2"));
        session.at(0).navigate("/checkout", CHECKOUT);
        session.at(10_000).search(0);
        session.answer(1);
        session.at(11_000).formError("checkout", "card");
        assertThat(session.at(12_000).formError("checkout", "card").verdict(0)).isEqualTo(SUPPRESSED_SESSION_CAP);
    }

    @Test
    void shouldAskNothingMoreAfterADismissUnlessThePolicyAllowsIt()
    {
        final TestSession silent = new TestSession(NO_HOLDOUT.withCooldown(0), search("q1"), forms("q2"));
        silent.at(0).navigate("/checkout", CHECKOUT);
        silent.at(10_000).search(0);
        assertThat(silent.dismiss(1)).isTrue();
        assertThat(silent.state.questions().dismissed()).isTrue();
        silent.at(11_000).formError("checkout", "card");
        assertThat(silent.at(12_000).formError("checkout", "card").verdict(0)).isEqualTo(SUPPRESSED_AFTER_DISMISS);

        final GovernorPolicy keepAsking = new GovernorPolicy(0, 2, 5_000, false, 0);
        final TestSession lenient = new TestSession(keepAsking, search("q1"), forms("q2"));
        lenient.at(0).navigate("/checkout", CHECKOUT);
        lenient.at(10_000).search(0);
        lenient.dismiss(1);
        lenient.at(11_000).formError("checkout", "card");
        assertThat(lenient.at(12_000).formError("checkout", "card").verdict(0)).isEqualTo(SHOWN);
    }

    @Test
    void shouldHonourATriggersOwnCooldown()
    {
        final Trigger rage = trigger("rage", new RageClickDetector(2, 1_000, 30, new long[0]))
            .mode(TriggerMode.SHADOW).cooldownMs(60_000).build();
        final TestSession session = new TestSession(NO_HOLDOUT, rage);
        session.at(0).navigate("/checkout", CHECKOUT);
        session.at(10_000).click("#pay", 5, 5);
        assertThat(session.at(10_100).click("#pay", 5, 5).verdict(0)).isEqualTo(SHADOW);
        session.at(20_000).click("#pay", 5, 5);
        assertThat(session.at(20_100).click("#pay", 5, 5).verdict(0)).isEqualTo(SUPPRESSED_TRIGGER_COOLDOWN);
        session.at(70_100).click("#pay", 5, 5);
        assertThat(session.at(70_200).click("#pay", 5, 5).verdict(0)).isEqualTo(SHADOW);
    }

    @Test
    void shouldRecordShadowSignalsWithoutShowingOrCountingThem()
    {
        final Trigger shadow = trigger("shadow-search", new FailedSearchDetector(1, 60_000))
            .mode(TriggerMode.SHADOW).priority(10).build();
        final TestSession session = new TestSession(NO_HOLDOUT, shadow, search("q1"));
        session.at(0).navigate("/search", SEARCH);
        session.at(10_000).search(0);
        assertThat(session.signalled()).containsExactly("shadow-search", "search");
        assertThat(session.verdicts()).containsExactly(SHADOW, SHOWN);
        assertThat(session.state.questions().askedCount()).isOne();
    }

    @Test
    void shouldLetTheHighestPriorityTriggerActWhenSeveralFireOnOneEvent()
    {
        final Trigger low = trigger("low", new FailedSearchDetector(1, 60_000)).priority(1).question("q-low").index(0).build();
        final Trigger high = trigger("high", new FailedSearchDetector(1, 60_000)).priority(5).question("q-high").index(1).build();
        final TestSession session = new TestSession(NO_HOLDOUT, low, high);
        session.at(0).navigate("/search", SEARCH);
        session.at(10_000).search(0);
        assertThat(session.signalled()).containsExactly("high", "low");
        assertThat(session.verdicts()).containsExactly(SHOWN, SUPPRESSED_LOWER_PRIORITY);
    }

    @Test
    void shouldBreakPriorityTiesByCatalogOrder()
    {
        final Trigger first = trigger("first", new FailedSearchDetector(1, 60_000)).question("q-a").index(0).build();
        final Trigger second = trigger("second", new FailedSearchDetector(1, 60_000)).question("q-b").index(1).build();
        final TestSession session = new TestSession(NO_HOLDOUT, second, first);
        session.at(0).navigate("/search", SEARCH);
        session.at(10_000).search(0);
        assertThat(session.signalled()).containsExactly("first", "second");
    }

    @Test
    void shouldHoldOutEverySessionAtFullShareAndCountItAsAsked()
    {
        final TestSession session = new TestSession(GovernorPolicy.DEFAULT.withHoldoutPerMillion(1_000_000), search("q1"));
        session.at(0).navigate("/search", SEARCH);
        assertThat(session.at(10_000).search(0).verdict(0)).isEqualTo(HOLDOUT);
        assertThat(session.state.questions().openIid()).as("nothing shown").isZero();
        assertThat(session.state.questions().wasAsked(session.decisions.trigger(0).questionKey())).isTrue();
        assertThat(session.at(20_000).search(0).verdict(0)).isEqualTo(SUPPRESSED_ALREADY_ASKED);
    }

    @Test
    void shouldDrawTheHoldoutStickyAndAtTheConfiguredShare()
    {
        final int triggerKey = 12345;
        int heldOut = 0;
        final int sessions = 100_000;
        for (int i = 0; i < sessions; i++)
        {
            final long sidHi = 0x9E3779B97F4A7C15L * (i + 1);
            final long sidLo = ~sidHi * 31 + i;
            final boolean first = HoldoutDraw.isHoldout(sidHi, sidLo, triggerKey, 100_000);
            assertThat(HoldoutDraw.isHoldout(sidHi, sidLo, triggerKey, 100_000)).isEqualTo(first);
            heldOut += first ? 1 : 0;
        }
        assertThat(heldOut / (double)sessions).isBetween(0.098, 0.102);
    }

    @Test
    void shouldExpireTheOpenQuestionOnTheNextPageView()
    {
        final TestSession session = new TestSession(NO_HOLDOUT, search("q1"));
        session.at(0).navigate("/search", SEARCH);
        session.at(10_000).search(0);
        assertThat(session.state.questions().openIid()).isEqualTo(1);
        session.at(11_000).navigate("/search?q=x", SEARCH);
        assertThat(session.state.questions().openIid()).isZero();
        assertThat(session.answer(1)).as("expired").isFalse();
    }

    @Test
    void shouldRejectAnswersToUnknownOrClosedInterventions()
    {
        final TestSession session = new TestSession(NO_HOLDOUT, search("q1"));
        session.at(0).navigate("/search", SEARCH);
        assertThat(session.answer(1)).as("nothing open").isFalse();
        session.at(10_000).search(0);
        assertThat(session.answer(7)).as("unknown iid").isFalse();
        assertThat(session.dismiss(0)).as("iid 0 is never valid").isFalse();
        assertThat(session.answer(1)).isTrue();
        assertThat(session.answer(1)).as("already answered").isFalse();
        assertThat(session.dismiss(1)).as("already answered").isFalse();
    }

    @Test
    void shouldNotLetAShadowTriggerShowWhateverThePolicy()
    {
        final Trigger exit = trigger("exit", new ExitIntentDetector(0, KEY_PAGES)).mode(TriggerMode.SHADOW).build();
        final TestSession session = new TestSession(TestSession.permissivePolicy(), exit);
        session.at(0).navigate("/checkout", CHECKOUT);
        assertThat(session.at(1_000).exitIntent().verdict(0)).isEqualTo(SHADOW);
        assertThat(session.state.questions().openIid()).isZero();
        assertThat(session.state.questions().askedCount()).isZero();
    }
}
