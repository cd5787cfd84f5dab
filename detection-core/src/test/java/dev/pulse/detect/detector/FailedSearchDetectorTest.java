package dev.pulse.detect.detector;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.TestSession;

import static dev.pulse.detect.PageKinds.HOME;
import static dev.pulse.detect.PageKinds.SEARCH;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;

class FailedSearchDetectorTest
{
    private final TestSession session = new TestSession(TestSession.permissivePolicy(),
        trigger("failed-search", new FailedSearchDetector(2, 120_000)).build());

    @Test
    void shouldFireOnTheSecondZeroResultSearchWithin120s()
    {
        session.at(0).navigate("/search", SEARCH);
        assertThat(session.at(1_000).search(0).size()).isZero();
        assertThat(session.at(60_000).search(0).size()).isOne();
    }

    @Test
    void shouldFireExactlyAtTheEdgeOfTheWindow()
    {
        session.at(0).navigate("/search", SEARCH);
        session.at(1_000).search(0);
        assertThat(session.at(121_000).search(0).size()).isOne();
    }

    @Test
    void shouldNotFireOneMillisecondPastTheWindow()
    {
        session.at(0).navigate("/search", SEARCH);
        session.at(1_000).search(0);
        assertThat(session.at(121_001).search(0).size()).isZero();
    }

    @Test
    void shouldNotCountSearchesThatFoundSomething()
    {
        session.at(0).navigate("/search", SEARCH);
        assertThat(session.at(1_000).search(12).size()).isZero();
        assertThat(session.at(2_000).search(3).size()).isZero();
        assertThat(session.at(3_000).search(0).size()).isZero();
    }

    @Test
    void shouldEndARunOfFailuresWhenASearchSucceeds()
    {
        session.at(0).navigate("/search", SEARCH);
        session.at(1_000).search(0);
        session.at(2_000).search(5);
        assertThat(session.at(3_000).search(0).size()).isZero();
    }

    @Test
    void shouldCountFailuresAcrossPageKinds()
    {
        session.at(0).navigate("/", HOME);
        session.at(1_000).search(0);
        session.at(2_000).navigate("/search", SEARCH);
        assertThat(session.at(3_000).search(0).size()).isOne();
    }

    @Test
    void shouldTakeNegativeAndAbsurdResultCountsCalmly()
    {
        session.at(0).navigate("/search", SEARCH);
        assertThat(session.at(1_000).search(-5).size()).as("unknown count is not a failure").isZero();
        assertThat(session.at(2_000).search(-1).size()).isZero();
        assertThat(session.state.history().failedSearchCount()).isZero();
        session.at(3_000).search(0);
        assertThat(session.at(4_000).search(Long.MAX_VALUE).size()).isZero();
        assertThat(session.state.history().failedSearchCount()).isZero();
    }

    @Test
    void shouldCountOnlyFailedSearchesOfItsIntent()
    {
        final TestSession returns = new TestSession(TestSession.permissivePolicy(),
            trigger("failed-returns", new FailedSearchDetector(2, 120_000, 1)).build());
        returns.at(0).navigate("/search", SEARCH);
        assertThat(returns.at(1_000).search(0, 1).size()).isZero();
        assertThat(returns.at(2_000).search(0, 2).size()).as("another intent's failure completes nothing").isZero();
        assertThat(returns.at(3_000).search(0, 0).size()).as("nor does a failure of no intent").isZero();
        assertThat(returns.at(4_000).search(0, 1).size()).as("the others did not break the run").isOne();
        assertThat(returns.state.history().failedSearchIntentAt(0)).isEqualTo(1);
        assertThat(returns.state.history().failedSearchIntentAt(1)).isZero();
        assertThat(returns.state.history().failedSearchTimeAt(0)).isEqualTo(returns.nowMs());
    }

    @Test
    void shouldKeepItsIntentWindowExactToTheMillisecond()
    {
        final TestSession returns = new TestSession(TestSession.permissivePolicy(),
            trigger("failed-returns", new FailedSearchDetector(2, 120_000, 1)).build());
        returns.at(0).navigate("/search", SEARCH);
        returns.at(1_000).search(0, 1);
        assertThat(returns.at(121_000).search(0, 1).size()).isOne();
        returns.at(200_000).search(0, 1);
        assertThat(returns.at(320_001).search(0, 1).size()).isZero();
    }

    @Test
    void shouldEndARunOfAnIntentWhenAnySearchSucceeds()
    {
        final TestSession returns = new TestSession(TestSession.permissivePolicy(),
            trigger("failed-returns", new FailedSearchDetector(2, 120_000, 1)).build());
        returns.at(0).navigate("/search", SEARCH);
        returns.at(1_000).search(0, 1);
        returns.at(2_000).search(5, 2);
        assertThat(returns.at(3_000).search(0, 1).size()).isZero();
    }
}
