package dev.pulse.detect.governor;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.Hash64;
import dev.pulse.detect.TestSession;
import dev.pulse.detect.detector.FailedSearchDetector;
import dev.pulse.detect.detector.RepeatedFormErrorDetector;
import dev.pulse.detect.trigger.Trigger;

import static dev.pulse.detect.PageKinds.SEARCH;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static dev.pulse.detect.governor.Verdict.HOLDOUT;
import static dev.pulse.detect.governor.Verdict.SHOWN;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-visitor holdout: drawn once per visitor, sticky across sessions, the same for every trigger. */
class VisitorHoldoutTest
{
    private static final GovernorPolicy HALF = TestSession.permissivePolicy().withHoldoutPerMillion(500_000);

    private static Trigger search()
    {
        return trigger("search", new FailedSearchDetector(1, 60_000)).question("q1").build();
    }

    private static Trigger forms()
    {
        return trigger("forms", new RepeatedFormErrorDetector(1, 60_000)).question("q2").build();
    }

    /** A session of {@code visitor} (session id from {@code n}) in which both triggers fire, one after the other. */
    private static Verdict[] bothTriggers(final long visitor, final long n, final GovernorPolicy policy)
    {
        final TestSession session = new TestSession(0x9E3779B97F4A7C15L * n, n, policy, search(), forms());
        session.state.visitorHash(visitor);
        session.at(0).navigate("/search", SEARCH);
        final Verdict first = session.at(10_000).search(0).verdict(0);
        session.at(11_000).navigate("/search", SEARCH);
        final Verdict second = session.at(20_000).formError("signup", "email").verdict(0);
        return new Verdict[] {first, second};
    }

    private static long visitorIn(final boolean control)
    {
        for (int i = 1; ; i++)
        {
            final long visitor = Hash64.visitor("visitor-" + i);
            if (HoldoutDraw.isVisitorHoldout(visitor, HALF.holdoutPerMillion()) == control)
            {
                return visitor;
            }
        }
    }

    @Test
    void shouldHoldAControlVisitorOutOfEveryTriggerInEverySession()
    {
        final long control = visitorIn(true);
        for (long session = 1; session <= 5; session++)
        {
            assertThat(bothTriggers(control, session, HALF)).as("session %d", session).containsExactly(HOLDOUT, HOLDOUT);
        }
    }

    @Test
    void shouldShowATreatedVisitorEveryTriggerInEverySession()
    {
        final long treated = visitorIn(false);
        for (long session = 1; session <= 5; session++)
        {
            assertThat(bothTriggers(treated, session, HALF)).as("session %d", session).containsExactly(SHOWN, SHOWN);
        }
    }

    @Test
    void shouldLetTheSessionStandForAVisitorWithoutAnId()
    {
        for (long n = 1; n <= 50; n++)
        {
            final Verdict[] verdicts = bothTriggers(0, n, HALF);
            assertThat(verdicts[1]).as("one draw for both triggers of session %d", n).isEqualTo(verdicts[0]);
        }
    }

    @Test
    void shouldKeepThePerTriggerDrawAsAnOption()
    {
        // Per (session, trigger), some session of 50 is held out of one trigger and shown the other.
        final GovernorPolicy perTrigger = HALF.withHoldoutUnit(HoldoutUnit.TRIGGER);
        final long visitor = visitorIn(true);
        boolean mixed = false;
        for (long n = 1; n <= 50; n++)
        {
            final Verdict[] verdicts = bothTriggers(visitor, n, perTrigger);
            mixed |= verdicts[0] != verdicts[1];
        }
        assertThat(mixed).isTrue();
    }

    @Test
    void shouldDrawTheConfiguredShareOfVisitors()
    {
        // 20,000 visitors at 10%: the count is binomial with sd = sqrt(20,000 x 0.1 x 0.9) = 42.4, so
        // [1,800, 2,200] is +-4.7 sd (a fair draw leaves it with probability < 3e-6). The ids are
        // fixed, so the test is deterministic: it fails only if the draw is biased, never by chance.
        int held = 0;
        for (int i = 0; i < 20_000; i++)
        {
            final long visitor = Hash64.visitor(Long.toHexString(0x1234_5678_9ABCL * (i + 1)));
            held += HoldoutDraw.isVisitorHoldout(visitor, 100_000) ? 1 : 0;
        }
        assertThat(held).isBetween(1_800, 2_200);
    }

    @Test
    void shouldNeverHashAVisitorIdToZero()
    {
        assertThat(Hash64.visitor("")).isNotZero();
        assertThat(Hash64.visitor("0123456789abcdef0123456789abcdef")).isEqualTo(Hash64.of("0123456789abcdef0123456789abcdef"));
    }
}
