package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.DefaultEventLoop;

import dev.pulse.loadtest.JourneyWalk.Phase;

/**
 * A user's walk through its journeys, without a connection: which step each slot sends, when the
 * question is awaited and until when, and how each question is counted (received, missed, late,
 * unexpected, interrupted, malformed), and when the session must end.
 */
class JourneyWalkTest
{
    private static final long QUESTION_TIMEOUT_MS = 5_000;
    private static final long QUESTION_TIMEOUT_NS = QUESTION_TIMEOUT_MS * 1_000_000;

    private final DefaultEventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stopLoop()
    {
        loop.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    @Test
    void shouldWalkAnOrdinaryJourneyStepByStepThenStartTheNext()
    {
        final LoopAgent agent = agent("browse=1");
        final JourneyWalk walk = new JourneyWalk(agent);
        walk.start(Journey.BROWSE);

        for (int i = 0; i < Journey.BROWSE.stepCount(); i++)
        {
            assertThat(walk.step()).isSameAs(Journey.BROWSE.step(i));
            assertThat(walk.stepSent(i)).isFalse();
        }

        assertThat(walk.phase()).isEqualTo(Phase.STEPS);
        assertThat(walk.step()).isSameAs(Journey.BROWSE.step(0));
        assertThat(agent.measurements().runs[Journey.BROWSE.ordinal()]).isEqualTo(2);
    }

    @Test
    void shouldAwaitTheQuestionAfterTheLastStepUntilTheTimeout()
    {
        final LoopAgent agent = agent("failed_search=1");
        final JourneyWalk walk = walkToTheQuestion(agent, 1_000);

        assertThat(walk.phase()).isEqualTo(Phase.AWAIT_QUESTION);
        assertThat(walk.questionOverdue(1_000 + QUESTION_TIMEOUT_NS - 1)).isFalse();
        assertThat(walk.questionOverdue(1_000 + QUESTION_TIMEOUT_NS)).isTrue();
    }

    @Test
    void shouldCountTheAwaitedQuestionAndAnswerItThenLeaveBeforeTheSameQuestionComesAgain()
    {
        final LoopAgent agent = agent("failed_search=1");
        final JourneyWalk walk = walkToTheQuestion(agent, 1_000);

        assertThat(walk.onQuestion(question(), 2_000)).isTrue();

        assertThat(walk.phase()).isEqualTo(Phase.ANSWER);
        assertThat(agent.measurements().received[Journey.FAILED_SEARCH.ordinal()]).isEqualTo(1);
        assertThat(walk.finishJourney()).as("the next failed search would be asked again in this session").isTrue();
    }

    @Test
    void shouldMoveForwardAfterTheAnswerWhenTheNextJourneyWasNotAskedYet()
    {
        final LoopAgent agent = agent("browse=1");
        final JourneyWalk walk = new JourneyWalk(agent);
        walk.start(Journey.FAILED_SEARCH);
        walkSteps(walk, 1_000);
        walk.onQuestion(question(), 2_000);

        assertThat(walk.finishJourney()).isFalse();
        assertThat(walk.phase()).isEqualTo(Phase.FORWARD);
        walk.forwardSent();

        assertThat(walk.phase()).isEqualTo(Phase.STEPS);
        assertThat(walk.step()).isSameAs(Journey.BROWSE.step(0));
    }

    @Test
    void shouldForgetTheQuestionsAskedWhenTheServerLostTheSession()
    {
        final LoopAgent agent = agent("failed_search=1");
        final JourneyWalk walk = walkToTheQuestion(agent, 1_000);
        walk.onQuestion(question(), 2_000);
        walk.finishJourney();
        walk.beginLeave(3_000);

        walk.sessionLost();
        walkSteps(walk, 4_000);

        assertThat(walk.onQuestion(question(), 5_000)).isTrue();
        assertThat(agent.measurements().received[Journey.FAILED_SEARCH.ordinal()]).isEqualTo(2);
    }

    @Test
    void shouldCountATimedOutQuestionAsMissedAndALateOneAsLate()
    {
        final LoopAgent agent = agent("failed_search=1");
        final JourneyWalk walk = walkToTheQuestion(agent, 1_000);

        walk.questionTimedOut();
        walk.beginLeave(1_000 + QUESTION_TIMEOUT_NS);
        assertThat(walk.onQuestion(question(), 1_000 + QUESTION_TIMEOUT_NS + 1)).isFalse();

        final int journey = Journey.FAILED_SEARCH.ordinal();
        assertThat(agent.measurements().missed[journey]).isEqualTo(1);
        assertThat(agent.measurements().late[journey]).isEqualTo(1);
        assertThat(walk.leaving()).isTrue();
    }

    @Test
    void shouldCountAQuestionOutsideAnyWaitAsUnexpected()
    {
        final LoopAgent agent = agent("browse=1");
        final JourneyWalk walk = new JourneyWalk(agent);
        walk.start(Journey.BROWSE);

        assertThat(walk.onQuestion(question(), 1_000)).isFalse();

        assertThat(agent.measurements().unexpected[Journey.BROWSE.ordinal()]).isEqualTo(1);
    }

    @Test
    void shouldCountAQuestionWithoutIidAsMalformedAndKeepWaiting()
    {
        final LoopAgent agent = agent("failed_search=1");
        final JourneyWalk walk = walkToTheQuestion(agent, 1_000);
        final ServerMessage noIid = question();
        noIid.hasIid = false;

        assertThat(walk.onQuestion(noIid, 2_000)).isFalse();

        assertThat(agent.measurements().errors[ErrorCodes.MALFORMED]).isEqualTo(1);
        assertThat(walk.phase()).isEqualTo(Phase.AWAIT_QUESTION);
    }

    @Test
    void shouldCountAQuestionThatTimesOutAfterALostConnectionAsInterrupted()
    {
        final LoopAgent agent = agent("failed_search=1");
        final JourneyWalk walk = walkToTheQuestion(agent, 1_000);

        walk.onDisconnected();
        walk.questionTimedOut();

        assertThat(agent.measurements().interrupted[Journey.FAILED_SEARCH.ordinal()]).isEqualTo(1);
        assertThat(agent.measurements().missed[Journey.FAILED_SEARCH.ordinal()]).isZero();
    }

    @Test
    void shouldTimeOutAnOverdueQuestionAtTheEndAndLeave()
    {
        final LoopAgent agent = agent("failed_search=1");
        final JourneyWalk walk = walkToTheQuestion(agent, 1_000);

        assertThat(walk.stillAwaiting(1_000)).isTrue();
        assertThat(walk.stillAwaiting(1_000 + QUESTION_TIMEOUT_NS)).isFalse();

        assertThat(walk.leaving()).isTrue();
        assertThat(agent.measurements().missed[Journey.FAILED_SEARCH.ordinal()]).isEqualTo(1);
    }

    private static JourneyWalk walkToTheQuestion(final LoopAgent agent, final long intendedNs)
    {
        final JourneyWalk walk = new JourneyWalk(agent);
        walk.start(agent.drawJourney());
        walkSteps(walk, intendedNs);
        return walk;
    }

    private static void walkSteps(final JourneyWalk walk, final long intendedNs)
    {
        while (walk.phase() == Phase.STEPS)
        {
            walk.step();
            assertThat(walk.stepSent(intendedNs)).isFalse();
        }
    }

    private static ServerMessage question()
    {
        final ServerMessage message = new ServerMessage();
        message.clear();
        message.type = ServerMessage.Type.QUESTION;
        message.hasIid = true;
        message.iidLength = 2;
        System.arraycopy("q1".getBytes(StandardCharsets.US_ASCII), 0, message.iid, 0, 2);
        message.choiceLength = 1;
        message.choice[0] = 'a';
        return message;
    }

    private LoopAgent agent(final String mix)
    {
        final LoopbackUrl url = LoopbackUrl.parse("ws://127.0.0.1:1/ws?site=test");
        final RunSettings settings = new RunSettings(url, "http://test", 1, 1, 1_000, 0, Mix.parse(mix), 1, 1, 1, 1_500, false,
            QUESTION_TIMEOUT_MS, 200);
        return new LoopAgent(loop, new Bootstrap(), settings, new UpgradeRequest(url, "http://test"), 0, 1);
    }
}
