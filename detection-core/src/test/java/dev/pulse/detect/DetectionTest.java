package dev.pulse.detect;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.pulse.detect.detector.BackAndForthDetector;
import dev.pulse.detect.detector.Detector;
import dev.pulse.detect.detector.FailedSearchDetector;
import dev.pulse.detect.detector.IdleOnKeyPageDetector;
import dev.pulse.detect.governor.Governor;
import dev.pulse.detect.governor.GovernorPolicy;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.detect.trigger.TriggerIndex;

import dev.pulse.detect.process.Decisions;
import dev.pulse.detect.process.Detection;
import dev.pulse.detect.process.EventProcessor;
import static dev.pulse.detect.PageKinds.FAQ;
import static dev.pulse.detect.PageKinds.KEY_PAGES;
import static dev.pulse.detect.PageKinds.PRICING;
import static dev.pulse.detect.PageKinds.SEARCH;
import static dev.pulse.detect.TestSession.T0;
import static dev.pulse.detect.trigger.TriggerBuilder.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectionTest
{
    private final TriggerIndex triggers = new TriggerIndex(List.of(
        trigger("idle", new IdleOnKeyPageDetector(180_000, KEY_PAGES)).index(0).build(),
        trigger("loop", new BackAndForthDetector(2, 90_000)).index(1).priority(1).build(),
        trigger("loop-high", new BackAndForthDetector(2, 90_000)).index(2).priority(5).build(),
        trigger("search", new FailedSearchDetector(2, 120_000)).index(3).build()));
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(SessionStateFlyweight.LENGTH));
    private final SessionStateFlyweight state = new SessionStateFlyweight().wrap(buffer, 0).init(1, 2, 77, T0);
    private final Detection detection = new Detection();
    private final Decisions signals = new Decisions(1);
    private final Event event = new Event();
    private final PagePath path = new PagePath();

    @Test
    void shouldListEveryTriggerAnEventFiresHighestPriorityFirstWithoutVerdicts()
    {
        page(0, "/pricing", PRICING, NavType.NAVIGATE);
        page(1_000, "/faq", FAQ, NavType.NAVIGATE);
        page(2_000, "/pricing", PRICING, NavType.BACK);
        page(3_000, "/faq", FAQ, NavType.FORWARD);
        page(4_000, "/pricing", PRICING, NavType.BACK);
        assertThat(signalled()).as("the governor would hold the second back as lower priority; detection lists both")
            .containsExactly("loop-high", "loop");
        assertThat(signals.verdict(0)).isNull();
        assertThat(signals.iid(0)).isZero();
    }

    @Test
    void shouldRecordTheEventBeforeTheDetectorsReadTheHistory()
    {
        page(0, "/search", SEARCH, NavType.NAVIGATE);
        detection.onEvent(state, event.reset(EventType.SEARCH).resultCount(0), T0 + 1_000, triggers, signals);
        assertThat(signals.size()).isZero();
        detection.onEvent(state, event.reset(EventType.SEARCH).resultCount(0), T0 + 2_000, triggers, signals);
        assertThat(signalled()).as("the search just sent is the second failure the detector counts").containsExactly("search");
        assertThat(state.lastEventMs()).isEqualTo(T0 + 2_000);
    }

    @Test
    void shouldNotSignalTheSameEvidenceTwice()
    {
        page(0, "/search", SEARCH, NavType.NAVIGATE);
        search(1_000);
        assertThat(search(2_000)).containsExactly("search");
        assertThat(search(3_000)).as("one fresh failure is not two").isEmpty();
        assertThat(search(4_000)).containsExactly("search");
    }

    @Test
    void shouldFireATimeBasedTriggerFromTheTimer()
    {
        page(0, "/pricing", PRICING, NavType.NAVIGATE);
        assertThat(detection.nextDeadlineMs(state, triggers)).isEqualTo(T0 + 180_000);
        detection.onTimer(state, T0 + 179_999, triggers, signals);
        assertThat(signals.size()).isZero();
        detection.onTimer(state, T0 + 180_000, triggers, signals);
        assertThat(signalled()).containsExactly("idle");
        detection.onTimer(state, T0 + 400_000, triggers, signals);
        assertThat(signals.size()).as("once per page view").isZero();
        assertThat(detection.nextDeadlineMs(state, new TriggerIndex(List.of()))).isEqualTo(Detector.NO_DEADLINE);
    }

    @Test
    void shouldRejectARecordOfAnotherLayoutVersion()
    {
        buffer.putByte(SessionStateDescriptor.VERSION_OFFSET, (byte)(SessionStateFlyweight.LAYOUT_VERSION + 1));
        assertThatThrownBy(() -> page(0, "/", 1, NavType.NAVIGATE)).isInstanceOf(IncompatibleSessionStateException.class);
        assertThatThrownBy(() -> detection.onTimer(state, T0, triggers, signals)).isInstanceOf(IncompatibleSessionStateException.class);
    }

    /** Same stream, same histories: detection fires exactly the triggers the processor then governs. */
    @Test
    void shouldFireWhatEventProcessorFiresBeforeItsGovernorDecides()
    {
        final TriggerIndex everyDetector = new TriggerIndex(List.of(StandardTriggers.everyDetector()));
        final MixedEventStream detected = new MixedEventStream(64, 20_000, 40, 11);
        final MixedEventStream governed = new MixedEventStream(64, 20_000, 40, 11);
        final EventProcessor processor = new EventProcessor();
        final Governor governor = new Governor(GovernorPolicy.DEFAULT);
        final Decisions decisions = new Decisions(1);
        final Event governedEvent = new Event();
        int fired = 0;
        for (int i = 0; i < 20_000; i++)
        {
            detected.next(event);
            governed.next(governedEvent);
            detection.onEvent(detected.state(), event, detected.nowMs(), everyDetector, signals);
            processor.onEvent(governed.state(), governedEvent, governed.nowMs(), everyDetector, governor, decisions);
            final List<String> governedIds = new ArrayList<>();
            for (int j = 0; j < decisions.size(); j++)
            {
                if (decisions.verdict(j) != Verdict.SUPPRESSED_PAGE_GRACE)
                {
                    governedIds.add(decisions.trigger(j).id());
                }
            }
            assertThat(signalled()).as("event %d", i).isEqualTo(governedIds);
            fired += signals.size();
        }
        assertThat(fired).as("the stream exercises the detectors").isGreaterThan(100);
    }

    private List<String> page(final long offsetMs, final String url, final int kind, final NavType nav)
    {
        detection.onEvent(state, event.reset(EventType.PAGE).page(path.normalise(url).hash(), kind, nav), T0 + offsetMs, triggers, signals);
        return signalled();
    }

    private List<String> search(final long offsetMs)
    {
        detection.onEvent(state, event.reset(EventType.SEARCH).resultCount(0), T0 + offsetMs, triggers, signals);
        return signalled();
    }

    private List<String> signalled()
    {
        final List<String> ids = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++)
        {
            ids.add(signals.trigger(i).id());
        }
        return ids;
    }
}
