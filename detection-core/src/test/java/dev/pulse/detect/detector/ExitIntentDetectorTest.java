package dev.pulse.detect.detector;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.PageKinds;
import dev.pulse.detect.TestSession;

import static dev.pulse.detect.PageKinds.FAQ;
import static dev.pulse.detect.PageKinds.PRICING;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;

class ExitIntentDetectorTest
{
    private final TestSession session = new TestSession(TestSession.permissivePolicy(),
        trigger("exit", new ExitIntentDetector(10_000, PageKinds.KEY_PAGES)).build());

    @Test
    void shouldFireOnAKeyPageAfterTenSeconds()
    {
        session.at(0).navigate("/pricing", PRICING);
        assertThat(session.at(10_000).exitIntent().size()).isOne();
    }

    @Test
    void shouldNotFireBeforeTenSecondsOnThePage()
    {
        session.at(0).navigate("/pricing", PRICING);
        assertThat(session.at(9_999).exitIntent().size()).isZero();
    }

    @Test
    void shouldNotFireOffAKeyPage()
    {
        session.at(0).navigate("/faq", FAQ);
        assertThat(session.at(60_000).exitIntent().size()).isZero();
    }

    @Test
    void shouldNotFireWithoutAPageView()
    {
        assertThat(session.at(60_000).exitIntent().size()).isZero();
    }

    @Test
    void shouldFireOncePerSession()
    {
        session.at(0).navigate("/pricing", PRICING);
        assertThat(session.at(20_000).exitIntent().size()).isOne();
        assertThat(session.at(40_000).exitIntent().size()).isZero();
        session.at(50_000).navigate("/pricing", PRICING);
        assertThat(session.at(80_000).exitIntent().size()).isZero();
    }

    @Test
    void shouldCountDwellFromTheCurrentPageView()
    {
        session.at(0).navigate("/pricing", PRICING);
        session.at(30_000).navigate("/pricing", PRICING);
        assertThat(session.at(35_000).exitIntent().size()).isZero();
        assertThat(session.at(40_000).exitIntent().size()).isOne();
    }
}
