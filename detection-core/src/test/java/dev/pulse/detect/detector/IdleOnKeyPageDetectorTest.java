package dev.pulse.detect.detector;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.PageKinds;
import dev.pulse.detect.TestSession;

import static dev.pulse.detect.PageKinds.FAQ;
import static dev.pulse.detect.PageKinds.PRICING;
import static dev.pulse.detect.TestSession.T0;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;

class IdleOnKeyPageDetectorTest
{
    private final TestSession session = new TestSession(TestSession.permissivePolicy(),
        trigger("idle", new IdleOnKeyPageDetector(180_000, PageKinds.KEY_PAGES)).build());

    @Test
    void shouldArmADeadline180sAfterTheLastActivityOnAKeyPage()
    {
        session.at(0).navigate("/pricing", PRICING);
        assertThat(session.nextDeadlineMs()).isEqualTo(T0 + 180_000);
        session.at(60_000).active();
        assertThat(session.nextDeadlineMs()).isEqualTo(T0 + 240_000);
    }

    @Test
    void shouldFireExactlyAtTheDeadlineAndNotBefore()
    {
        session.at(0).navigate("/pricing", PRICING);
        assertThat(session.at(179_999).timer().size()).isZero();
        assertThat(session.at(180_000).timer().size()).isOne();
    }

    @Test
    void shouldHaveNoDeadlineOffAKeyPage()
    {
        session.at(0).navigate("/faq", FAQ);
        assertThat(session.nextDeadlineMs()).isEqualTo(Detector.NO_DEADLINE);
        assertThat(session.at(1_000_000).timer().size()).isZero();
    }

    @Test
    void shouldNotFireWhenActivityCameAfterTheTimerWasArmed()
    {
        session.at(0).navigate("/pricing", PRICING);
        session.at(170_000).active();
        assertThat(session.at(180_000).timer().size()).as("stale timer").isZero();
        assertThat(session.nextDeadlineMs()).isEqualTo(T0 + 350_000);
    }

    @Test
    void shouldPauseTheIdleClockWhileTheTabIsHidden()
    {
        session.at(0).navigate("/pricing", PRICING);
        session.at(100_000).visibility(true);
        assertThat(session.nextDeadlineMs()).isEqualTo(Detector.NO_DEADLINE);
        assertThat(session.at(500_000).timer().size()).isZero();
        session.at(600_000).visibility(false);
        assertThat(session.nextDeadlineMs()).as("80 s of idle left").isEqualTo(T0 + 680_000);
        assertThat(session.at(679_999).timer().size()).isZero();
        assertThat(session.at(680_000).timer().size()).isOne();
    }

    @Test
    void shouldFireAtMostOncePerPageView()
    {
        session.at(0).navigate("/pricing", PRICING);
        assertThat(session.at(180_000).timer().size()).isOne();
        assertThat(session.nextDeadlineMs()).isEqualTo(Detector.NO_DEADLINE);
        assertThat(session.at(400_000).timer().size()).isZero();

        session.at(500_000).navigate("/pricing", PRICING);
        assertThat(session.nextDeadlineMs()).isEqualTo(T0 + 680_000);
        assertThat(session.at(680_000).timer().size()).as("a new page view may fire again").isOne();
    }

    @Test
    void shouldCountIdleFromTheResumedRecordAfterAReconnect()
    {
        session.at(0).navigate("/pricing", PRICING);
        final TestSession resumed = session.resumedCopy();
        assertThat(resumed.nextDeadlineMs()).isEqualTo(T0 + 180_000);
        assertThat(resumed.at(180_000).timer().size()).isOne();
    }
}
