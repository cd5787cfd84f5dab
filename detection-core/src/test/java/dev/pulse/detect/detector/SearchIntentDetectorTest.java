package dev.pulse.detect.detector;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.TestSession;

import static dev.pulse.detect.PageKinds.HOME;
import static dev.pulse.detect.PageKinds.SEARCH;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;

class SearchIntentDetectorTest
{
    private static final int RETURNS = 1;
    private static final int WARRANTY = 2;

    private final TestSession twice = new TestSession(TestSession.permissivePolicy(),
        trigger("returns-twice", new SearchIntentDetector(RETURNS, 2, 600_000)).build());

    @Test
    void shouldFireOnTheFirstSearchOfTheIntentWhenTheCountIsOne()
    {
        final TestSession once = new TestSession(TestSession.permissivePolicy(),
            trigger("returns", new SearchIntentDetector(RETURNS, 1, 600_000)).build());
        once.at(0).navigate("/", HOME);
        once.at(1_000).search(12, RETURNS);
        assertThat(once.signalled()).containsExactly("returns");
    }

    @Test
    void shouldFireWhateverTheSearchesFound()
    {
        twice.at(0).navigate("/search", SEARCH);
        assertThat(twice.at(1_000).search(0, RETURNS).size()).isZero();
        assertThat(twice.at(2_000).search(40, RETURNS).size()).as("a search that found something still counts").isOne();
    }

    @Test
    void shouldFireExactlyAtTheEdgeOfTheWindow()
    {
        twice.at(0).navigate("/search", SEARCH);
        twice.at(1_000).search(3, RETURNS);
        assertThat(twice.at(601_000).search(3, RETURNS).size()).isOne();
    }

    @Test
    void shouldNotFireOneMillisecondPastTheWindow()
    {
        twice.at(0).navigate("/search", SEARCH);
        twice.at(1_000).search(3, RETURNS);
        assertThat(twice.at(601_001).search(3, RETURNS).size()).isZero();
    }

    @Test
    void shouldPassOverSearchesOfOtherIntentsAndOfNone()
    {
        twice.at(0).navigate("/search", SEARCH);
        twice.at(1_000).search(3, RETURNS);
        assertThat(twice.at(2_000).search(3, WARRANTY).size()).isZero();
        assertThat(twice.at(3_000).search(3, 0).size()).isZero();
        assertThat(twice.at(4_000).search(3, RETURNS).size()).as("the warranty search did not break the run").isOne();
    }

    @Test
    void shouldNotCountTheSameSearchesTwice()
    {
        twice.at(0).navigate("/search", SEARCH);
        twice.at(1_000).search(3, RETURNS);
        assertThat(twice.at(2_000).search(3, RETURNS).size()).isOne();
        assertThat(twice.at(3_000).search(3, RETURNS).size()).as("the evidence before was spent").isZero();
        assertThat(twice.at(4_000).search(3, RETURNS).size()).isOne();
    }

    @Test
    void shouldCountAnyIntentWhenTheTriggerNamesNone()
    {
        final TestSession any = new TestSession(TestSession.permissivePolicy(),
            trigger("any", new SearchIntentDetector(0, 2, 600_000)).build());
        any.at(0).navigate("/search", SEARCH);
        assertThat(any.at(1_000).search(0, 0).size()).as("no intent is not any intent").isZero();
        assertThat(any.at(2_000).search(0, RETURNS).size()).isZero();
        assertThat(any.at(3_000).search(0, WARRANTY).size()).isOne();
    }

    @Test
    void shouldKeepOnlySearchesOfAnIntentInItsRing()
    {
        twice.at(0).navigate("/search", SEARCH);
        twice.at(1_000).search(0, 0);
        assertThat(twice.state.history().intentSearchCount()).isZero();
        for (int i = 0; i < SessionStateFlyweight.INTENT_RING_CAPACITY + 3; i++)
        {
            twice.at(2_000 + i).search(i, i % 2 + 1);
        }
        assertThat(twice.state.history().intentSearchCount()).isEqualTo(SessionStateFlyweight.INTENT_RING_CAPACITY);
        assertThat(twice.state.history().intentSearchIntentAt(0)).isEqualTo(RETURNS);
        assertThat(twice.state.history().intentSearchTimeAt(0)).isEqualTo(twice.nowMs());
    }

    @Test
    void shouldRenumberTheIntentsItHoldsForACatalogThatNumbersThemOtherwise()
    {
        twice.at(0).navigate("/search", SEARCH);
        twice.at(1_000).search(0, RETURNS);
        twice.at(2_000).search(0, WARRANTY);
        final int[] swapped = new int[SessionStateFlyweight.MAX_INTENTS + 1];
        swapped[RETURNS] = WARRANTY;
        // Warranty is gone from the new version: its searches keep their times, with no intent.
        twice.state.history().translateIntents(swapped);
        assertThat(twice.state.history().intentSearchIntentAt(0)).isZero();
        assertThat(twice.state.history().intentSearchIntentAt(1)).isEqualTo(WARRANTY);
        assertThat(twice.state.history().intentSearchTimeAt(1)).isEqualTo(TestSession.T0 + 1_000);
        assertThat(twice.state.history().failedSearchIntentAt(0)).isZero();
        assertThat(twice.state.history().failedSearchIntentAt(1)).isEqualTo(WARRANTY);
        assertThat(twice.state.history().failedSearchTimeAt(1)).isEqualTo(TestSession.T0 + 1_000);
    }
}
