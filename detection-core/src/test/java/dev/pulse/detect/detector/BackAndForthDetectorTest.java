package dev.pulse.detect.detector;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.TestSession;

import static dev.pulse.detect.PageKinds.FAQ;
import static dev.pulse.detect.PageKinds.PRICING;
import static dev.pulse.detect.PageKinds.PRODUCT;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;

class BackAndForthDetectorTest
{
    private final TestSession session = new TestSession(TestSession.permissivePolicy(),
        trigger("back-and-forth", new BackAndForthDetector(3, 90_000)).build());

    @Test
    void shouldTreatASingleBackAsNormal()
    {
        session.at(0).navigate("/pricing", PRICING);
        session.at(5_000).navigate("/faq", FAQ);
        assertThat(session.at(10_000).back("/pricing", PRICING).size()).isZero();
    }

    @Test
    void shouldFireOnTheThirdBackWithin90sBetweenTheSameTwoPages()
    {
        session.at(0).navigate("/pricing", PRICING);
        session.at(5_000).navigate("/faq", FAQ);
        assertThat(session.at(10_000).back("/pricing", PRICING).size()).isZero();
        session.at(20_000).forward("/faq", FAQ);
        assertThat(session.at(30_000).back("/pricing", PRICING).size()).isZero();
        session.at(40_000).forward("/faq", FAQ);
        assertThat(session.at(50_000).back("/pricing", PRICING).size()).isOne();
    }

    @Test
    void shouldCountBacksInEitherDirectionOfThePair()
    {
        session.at(0).navigate("/pricing", PRICING);
        session.at(1_000).navigate("/faq", FAQ);
        session.at(2_000).back("/pricing", PRICING);
        session.at(3_000).navigate("/faq", FAQ);
        session.at(4_000).navigate("/pricing", PRICING);
        session.at(5_000).back("/faq", FAQ);
        session.at(6_000).navigate("/pricing", PRICING);
        assertThat(session.at(7_000).back("/faq", FAQ).size()).isOne();
    }

    @Test
    void shouldFireWhenTheThirdBackIsExactly90sAfterTheFirst()
    {
        threeBacksSpanning(90_000);
        assertThat(session.size()).isOne();
    }

    @Test
    void shouldNotFireWhenTheThirdBackIsOneMillisecondPastTheWindow()
    {
        threeBacksSpanning(90_001);
        assertThat(session.size()).isZero();
    }

    @Test
    void shouldNotFireForBacksAmongThreeDifferentPages()
    {
        session.at(0).navigate("/pricing", PRICING);
        session.at(1_000).navigate("/faq", FAQ);
        session.at(2_000).back("/pricing", PRICING);
        session.at(3_000).navigate("/product/1", PRODUCT);
        session.at(4_000).back("/pricing", PRICING);
        session.at(5_000).navigate("/faq", FAQ);
        session.at(6_000).navigate("/product/2", PRODUCT);
        assertThat(session.at(7_000).back("/faq", FAQ).size()).isZero();
    }

    @Test
    void shouldNotFireForBacksSpreadOverMoreThan90s()
    {
        session.at(0).navigate("/pricing", PRICING);
        session.at(1_000).navigate("/faq", FAQ);
        session.at(2_000).back("/pricing", PRICING);
        session.at(50_000).forward("/faq", FAQ);
        session.at(60_000).back("/pricing", PRICING);
        session.at(100_000).forward("/faq", FAQ);
        assertThat(session.at(120_000).back("/pricing", PRICING).size()).isZero();
    }

    @Test
    void shouldIgnoreABackWithNoPriorPage()
    {
        assertThat(session.at(0).back("/pricing", PRICING).size()).isZero();
        assertThat(session.state.history().backCount()).isZero();
    }

    @Test
    void shouldIgnoreABackToTheSamePage()
    {
        session.at(0).navigate("/faq", FAQ);
        for (int i = 1; i <= 5; i++)
        {
            assertThat(session.at(i * 1_000L).back("/faq", FAQ).size()).isZero();
        }
    }

    @Test
    void shouldNotFireAgainOnEvidenceAlreadySpent()
    {
        threeBacksSpanning(20_000);
        assertThat(session.size()).isOne();
        session.at(25_000).forward("/faq", FAQ);
        assertThat(session.at(30_000).back("/pricing", PRICING).size()).isZero();
        session.at(35_000).forward("/faq", FAQ);
        assertThat(session.at(40_000).back("/pricing", PRICING).size()).isZero();
        session.at(45_000).forward("/faq", FAQ);
        assertThat(session.at(50_000).back("/pricing", PRICING).size()).as("three fresh backs").isOne();
    }

    @Test
    void shouldKeepCountingAcrossAResumedSession()
    {
        session.at(0).navigate("/pricing", PRICING);
        session.at(1_000).navigate("/faq", FAQ);
        session.at(2_000).back("/pricing", PRICING);
        session.at(3_000).forward("/faq", FAQ);
        session.at(4_000).back("/pricing", PRICING);

        final TestSession resumed = session.resumedCopy();
        resumed.at(10_000).forward("/faq", FAQ);
        assertThat(resumed.at(11_000).back("/pricing", PRICING).size()).isOne();
    }

    private void threeBacksSpanning(final long spanMs)
    {
        session.at(0).navigate("/pricing", PRICING);
        session.at(1_000).navigate("/faq", FAQ);
        session.at(2_000).back("/pricing", PRICING);
        session.at(3_000).forward("/faq", FAQ);
        session.at(2_000 + spanMs / 2).back("/pricing", PRICING);
        session.at(2_000 + spanMs / 2 + 1).forward("/faq", FAQ);
        session.at(2_000 + spanMs).back("/pricing", PRICING);
    }
}
