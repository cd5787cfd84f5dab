package dev.pulse.server.decide;

import org.junit.jupiter.api.Test;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.NavType;
import dev.pulse.server.protocol.ErrorCode;

import static dev.pulse.server.decide.OutcomeTrackingTest.catalog;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Did this help?" in the session machine: taken once, only for the newest response shown that
 * asked, kept across a restart (it is in the session record), and never a change to what an
 * outcome window measures.
 */
class FeedbackMachineTest
{
    private static final String POLICY = "cooldown: 0s, page_grace: 0s, holdout: 0%, outcome_window: 10m, session_expiry: 30m, " +
        "max_questions_per_session: 8";

    private static CompiledCatalog asking()
    {
        return catalog(POLICY);
    }

    /** The e2e catalog with feedback on: the policy line is the only one replaced, so the site gets it by a second edit. */
    private static CompiledCatalog feedbackOn()
    {
        try (java.io.InputStream in = FeedbackMachineTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            final String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("policy: \\{.*}", "policy: { " + POLICY + " }")
                .replace("  key: test\n", "  key: test\n  feedback: true\n");
            final dev.pulse.catalog.LoadResult result = new dev.pulse.catalog.CatalogLoader().load("feedback.yaml", text);
            assertThat(result.ok()).as(result.report()).isTrue();
            return result.catalog();
        }
        catch (final java.io.IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static int answer(final OutcomeTrackingTest.Session session, final int iid, final String choice)
    {
        session.machine.onAnswer(session.catalog, session.state, session.record, iid, Hash64.of(choice), session.nowMs);
        return session.machine.effects().responseIid();
    }

    private static ErrorCode feedback(final OutcomeTrackingTest.Session session, final int iid, final boolean helpful)
    {
        session.machine.onFeedback(session.catalog, session.state, session.record, iid, helpful, session.nowMs);
        return session.machine.effects().refusal();
    }

    @Test
    void shouldTakeFeedbackOnceForTheResponseShown()
    {
        final OutcomeTrackingTest.Session session = new OutcomeTrackingTest.Session(feedbackOn(), 1);
        final int iid = session.at(0).askOnFaq();
        assertThat(answer(session.at(10_000), iid, "gift")).isEqualTo(iid);
        assertThat(session.machine.effects().responseFeedback()).as("the response asks").isNotNull();

        assertThat(feedback(session.at(20_000), iid, false)).isNull();
        assertThat(session.log.answers).containsExactly("cant-find gift", "cant-find gift take-your-time helpful=false iid=" + iid);
        assertThat(feedback(session.at(21_000), iid, true)).isEqualTo(ErrorCode.UNKNOWN_INTERVENTION);
        assertThat(session.machine.effects().refusalDetail()).contains("already rated");
        assertThat(session.log.answers).as("nothing journaled for the second").hasSize(2);
        assertThat(session.state.lastActivityMs()).as("a feedback is the person acting, as an answer is").isEqualTo(T(20_000));
    }

    @Test
    void shouldRefuseFeedbackWhenNoResponseAskedOrForAnOlderOne()
    {
        final OutcomeTrackingTest.Session off = new OutcomeTrackingTest.Session(asking(), 2);
        final int iid = off.at(0).askOnFaq();
        assertThat(feedback(off, iid, true)).as("the question is open, no response yet").isEqualTo(ErrorCode.UNKNOWN_INTERVENTION);
        answer(off.at(1_000), iid, "gift");
        assertThat(off.machine.effects().responseFeedback()).as("the site does not ask").isNull();
        assertThat(feedback(off, iid, true)).isEqualTo(ErrorCode.UNKNOWN_INTERVENTION);
        assertThat(off.machine.effects().refusalDetail()).contains("no response shown");

        final OutcomeTrackingTest.Session on = new OutcomeTrackingTest.Session(feedbackOn(), 3);
        final int first = on.at(0).askOnFaq();
        answer(on.at(1_000), first, "gift");
        on.at(2_000).page("/pricing", NavType.NAVIGATE);
        for (int back = 0; back < 3; back++)
        {
            on.page("/faq/plans", NavType.FORWARD);
            on.page("/pricing", NavType.BACK);
        }
        final int second = on.machine.effects().questionIid();
        assertThat(second).as("the loop asks the other question").isGreaterThan(first);
        answer(on.at(3_000), second, "team-size");
        assertThat(feedback(on, first, true)).as("only the newest response can be rated").isEqualTo(ErrorCode.UNKNOWN_INTERVENTION);
        assertThat(feedback(on, 0, true)).isEqualTo(ErrorCode.UNKNOWN_INTERVENTION);
        assertThat(feedback(on, second, true)).isNull();
        assertThat(on.log.answers).last().asString().isEqualTo("hard-to-decide team-size plan-by-team-size helpful=true iid=" + second);
    }

    @Test
    void shouldKeepWhatWasRatedAcrossARestart()
    {
        final OutcomeTrackingTest.Session session = new OutcomeTrackingTest.Session(feedbackOn(), 4);
        final int iid = session.at(0).askOnFaq();
        answer(session.at(1_000), iid, "product");
        final OutcomeTrackingTest.Session beforeRating = session.restarted();
        assertThat(feedback(beforeRating, iid, true)).as("asked is in the record").isNull();
        final OutcomeTrackingTest.Session afterRating = beforeRating.restarted();
        assertThat(feedback(afterRating, iid, true)).as("given is in the record").isEqualTo(ErrorCode.UNKNOWN_INTERVENTION);
    }

    /** The same session twice, one rating the response: the same outcomes at the same times, the same deadlines. */
    @Test
    void shouldMeasureForwardAndStalledExactlyAsWithoutFeedback()
    {
        for (final boolean forward : new boolean[] {true, false})
        {
            final OutcomeTrackingTest.Session rated = new OutcomeTrackingTest.Session(feedbackOn(), 5);
            final OutcomeTrackingTest.Session silent = new OutcomeTrackingTest.Session(feedbackOn(), 5);
            for (final OutcomeTrackingTest.Session session : new OutcomeTrackingTest.Session[] {rated, silent})
            {
                final int iid = session.at(0).askOnFaq();
                answer(session.at(10_000), iid, "gift");
                if (session == rated)
                {
                    assertThat(feedback(session.at(20_000), iid, true)).isNull();
                }
                assertThat(session.log.outcomes).isEmpty();
                if (forward)
                {
                    session.at(90_000).page("/checkout", NavType.NAVIGATE);
                }
                session.at(10 * 60_000).machine.onTimer(session.catalog, session.state, session.record, session.nowMs);
            }
            assertThat(rated.log.outcomes).hasSize(1).isEqualTo(silent.log.outcomes);
            assertThat(rated.log.outcomes.get(0)).startsWith(forward ? "forward shown" : "stalled shown");
            assertThat(rated.machine.nextDeadlineMs(rated.catalog, rated.state, rated.record))
                .isEqualTo(silent.machine.nextDeadlineMs(silent.catalog, silent.state, silent.record));
        }
    }

    /** A refused feedback (what a client can send as often as its rate allows) allocates nothing once warm. */
    @Test
    void shouldRefuseFeedbackWithoutAllocating()
    {
        final OutcomeTrackingTest.Session session = new OutcomeTrackingTest.Session(feedbackOn(), 6);
        final int iid = session.at(0).askOnFaq();
        answer(session.at(1_000), iid, "gift");
        assertThat(feedback(session, iid, true)).isNull();
        for (int i = 0; i < 50_000; i++)
        {
            feedback(session, i % 2 == 0 ? iid : iid + 1, i % 3 == 0);
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++)
        {
            feedback(session, i % 2 == 0 ? iid : iid + 1, i % 3 == 0);
        }
        final long bytes = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(bytes).as("an allocation per refusal would be 160,000 bytes or more").isLessThan(10_000);
        assertThat(session.machine.effects().refusal()).isEqualTo(ErrorCode.UNKNOWN_INTERVENTION);
    }

    private static long T(final long offsetMs)
    {
        return 1_700_000_000_000L + offsetMs;
    }
}
