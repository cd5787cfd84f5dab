package dev.pulse.detect;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.detector.FailedSearchDetector;
import dev.pulse.detect.detector.RepeatedFormErrorDetector;
import dev.pulse.detect.governor.Verdict;

import static dev.pulse.detect.PageKinds.HOME;
import static dev.pulse.detect.PageKinds.SEARCH;
import static dev.pulse.detect.TestSession.T0;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventProcessorTest
{
    private final TestSession session = new TestSession(TestSession.permissivePolicy(),
        trigger("search", new FailedSearchDetector(2, 120_000)).build(),
        trigger("forms", new RepeatedFormErrorDetector(3, 60_000)).build());

    @Test
    void shouldTakeAnEventStampedInThePastAtTheSessionsLatestTime()
    {
        session.at(50_000).navigate("/", HOME);
        session.at(10_000).search(0);
        assertThat(session.state.lastEventMs()).isEqualTo(T0 + 50_000);
        assertThat(session.state.history().failedSearchTimeAt(0)).isEqualTo(T0 + 50_000);
        assertThat(session.at(20_000).search(0).size()).as("both count at the session's clock").isOne();
    }

    @Test
    void shouldRejectARecordOfAnotherLayoutVersion()
    {
        session.buffer.putByte(session.state.offset() + SessionStateDescriptor.VERSION_OFFSET, (byte)(SessionStateFlyweight.LAYOUT_VERSION - 1));
        assertThatThrownBy(() -> session.at(1_000).navigate("/", HOME))
            .isInstanceOf(IncompatibleSessionStateException.class)
            .hasMessageContaining("layout version " + (SessionStateFlyweight.LAYOUT_VERSION - 1))
            .hasMessageContaining("reads version " + SessionStateFlyweight.LAYOUT_VERSION);
        assertThatThrownBy(session::timer).isInstanceOf(IncompatibleSessionStateException.class);
    }

    @Test
    void shouldRejectAnUninitialisedRecord()
    {
        session.buffer.setMemory(session.state.offset(), SessionStateFlyweight.LENGTH, (byte)0);
        assertThatThrownBy(() -> session.at(1_000).active()).isInstanceOf(IncompatibleSessionStateException.class);
    }

    @Test
    void shouldFileAPageKindOutOfRangeAsNoKind()
    {
        session.at(0).navigate("/weird", 999);
        assertThat(session.state.currentPageKind()).isZero();
        session.at(1_000).navigate("/negative", -3);
        assertThat(session.state.currentPageKind()).isZero();
    }

    @Test
    void shouldDecideEachEventIndependently()
    {
        session.at(0).navigate("/search", SEARCH);
        session.at(1_000).search(0);
        session.at(2_000).search(0);
        assertThat(session.verdicts()).containsExactly(Verdict.SHOWN);
        assertThat(session.at(3_000).active().size()).as("decisions are per event").isZero();
    }
}
