package dev.pulse.detect.trigger;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.Hash64;
import dev.pulse.detect.TestSession;
import dev.pulse.detect.detector.FailedSearchDetector;

import static dev.pulse.detect.PageKinds.FAQ;
import static dev.pulse.detect.PageKinds.PRICING;
import static dev.pulse.detect.PageKinds.SEARCH;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;

class TriggerConditionsTest
{
    private static TestSession sessionWith(final TriggerCondition condition)
    {
        return new TestSession(TestSession.permissivePolicy(),
            trigger("search", new FailedSearchDetector(1, 60_000)).when(condition).build());
    }

    @Test
    void shouldRequireAPageKindVisitedEarlierInTheSession()
    {
        final TestSession session = sessionWith(new VisitedPageKindCondition(FAQ));
        session.at(0).navigate("/search", SEARCH);
        assertThat(session.at(1_000).search(0).size()).isZero();
        session.at(2_000).navigate("/faq", FAQ);
        assertThat(session.at(3_000).search(0).size()).as("FAQ is the current page, not an earlier one").isZero();
        session.at(4_000).navigate("/search", SEARCH);
        assertThat(session.at(5_000).search(0).size()).isOne();
    }

    @Test
    void shouldRequireAContextValue()
    {
        final TestSession mobile = sessionWith(new ContextEqualsCondition(Hash64.of("device"), Hash64.of("mobile")));
        mobile.state.context().putContext(Hash64.of("device"), Hash64.of("mobile"));
        mobile.at(0).navigate("/search", SEARCH);
        assertThat(mobile.at(1_000).search(0).size()).isOne();

        final TestSession desktop = sessionWith(new ContextEqualsCondition(Hash64.of("device"), Hash64.of("mobile")));
        desktop.state.context().putContext(Hash64.of("device"), Hash64.of("desktop"));
        desktop.at(0).navigate("/search", SEARCH);
        assertThat(desktop.at(1_000).search(0).size()).isZero();

        final TestSession unknown = sessionWith(new ContextEqualsCondition(Hash64.of("device"), Hash64.of("mobile")));
        unknown.at(0).navigate("/search", SEARCH);
        assertThat(unknown.at(1_000).search(0).size()).isZero();
    }

    @Test
    void shouldRequireAMinimumDwellOnTheCurrentPage()
    {
        final TestSession session = sessionWith(new MinDwellCondition(30_000));
        session.at(0).navigate("/pricing", PRICING);
        assertThat(session.at(29_999).search(0).size()).isZero();
        assertThat(session.at(30_000).search(0).size()).isOne();
    }

    @Test
    void shouldApplyOnlyToItsPageKinds()
    {
        final TestSession session = new TestSession(TestSession.permissivePolicy(),
            trigger("search", new FailedSearchDetector(1, 60_000)).pages(SEARCH).build());
        session.at(0).navigate("/pricing", PRICING);
        assertThat(session.at(1_000).search(0).size()).isZero();
        session.at(2_000).navigate("/search", SEARCH);
        assertThat(session.at(3_000).search(0).size()).isOne();
    }

    @Test
    void shouldLeaveOffTriggersOutOfTheIndex()
    {
        final TestSession session = new TestSession(TestSession.permissivePolicy(),
            trigger("search", new FailedSearchDetector(1, 60_000)).mode(TriggerMode.OFF).build());
        session.at(0).navigate("/search", SEARCH);
        assertThat(session.at(1_000).search(0).size()).isZero();
    }

    @Test
    void shouldRequireScrollingBackUpTheCurrentPageEnoughTimes()
    {
        final TestSession session = sessionWith(new ScrolledBackCondition(2));
        session.at(0).navigate("/pricing", PRICING);
        session.at(1_000).scrollBack();
        assertThat(session.at(2_000).search(0).size()).isZero();
        session.at(3_000).scrollBack();
        assertThat(session.at(4_000).search(0).size()).isOne();
    }

    @Test
    void shouldCountScrollingBackUpAgainOnANewPageView()
    {
        final TestSession session = sessionWith(new ScrolledBackCondition(2));
        session.at(0).navigate("/pricing", PRICING);
        session.at(1_000).scrollBack();
        session.at(2_000).scrollBack();
        session.at(3_000).navigate("/faq", FAQ);
        assertThat(session.state.signals().scrollBackCount()).isZero();
        session.at(4_000).scrollBack();
        assertThat(session.at(5_000).search(0).size()).as("one scroll back on this page view").isZero();
        session.at(6_000).navigate("/pricing", PRICING);
        session.at(7_000).scrollBack();
        session.at(8_000).scrollBack();
        assertThat(session.at(9_000).search(0).size()).isOne();
    }
}
