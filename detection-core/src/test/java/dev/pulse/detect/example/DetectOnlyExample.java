package dev.pulse.detect.example;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.NavType;
import dev.pulse.detect.PagePath;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.detector.DetectorSite;
import dev.pulse.detect.process.Decisions;
import dev.pulse.detect.process.Detection;
import dev.pulse.detect.trigger.TriggerBuilder;
import dev.pulse.detect.trigger.TriggerIndex;

/**
 * detection-core used as a library, as its README shows: one session, detection alone. Run it
 * with {@code ./mvnw -q -pl detection-core test -Dtest=DetectOnlyExampleTest}; the README says
 * how to run it with {@code java}.
 */
public final class DetectOnlyExample
{
    // Page kinds are numbers you choose (0 is "no kind"); key pages are where idle and exit intent count.
    static final int PRICING = 1;
    static final int FAQ = 2;

    public static void main(final String[] args)
    {
        run().forEach(System.out::println);
    }

    static List<String> run()
    {
        final DetectorSite site = new DetectorSite(1L << PRICING, -1, -1, new long[0]);
        final TriggerIndex triggers = new TriggerIndex(List.of(
            TriggerBuilder.trigger("pricing-faq-loop", DetectorKind.BACK_AND_FORTH.createAtDefaults(site))
                .pages(PRICING, FAQ).priority(30).build(),
            TriggerBuilder.trigger("pricing-idle", DetectorKind.IDLE_ON_KEY_PAGE.create(new long[] {45_000}, site))
                .index(1).pages(PRICING).build()));

        // One record per session, anywhere in memory (the server keeps them in a Chronicle Map).
        final long t0 = 1_700_000_000_000L;
        final SessionStateFlyweight state = new SessionStateFlyweight()
            .wrap(new UnsafeBuffer(ByteBuffer.allocateDirect(SessionStateFlyweight.LENGTH)), 0)
            .init(0x1234L, 0x5678L, 0, t0);

        // Reused for every event: nothing below allocates per event.
        final Detection detection = new Detection();
        final Decisions signals = new Decisions(4);
        final Event event = new Event();
        final PagePath path = new PagePath();
        final List<String> seen = new ArrayList<>();

        final String[] urls = {"/pricing", "/faq", "/pricing", "/faq", "/pricing", "/faq", "/pricing"};
        for (int i = 0; i < urls.length; i++)
        {
            final int kind = urls[i].equals("/faq") ? FAQ : PRICING;
            final NavType nav = i % 2 == 0 && i > 0 ? NavType.BACK : NavType.NAVIGATE;
            event.reset(EventType.PAGE).page(path.normalise(urls[i]).hash(), kind, nav);
            detection.onEvent(state, event, t0 + i * 5_000L, triggers, signals);   // records, then detects
            for (int s = 0; s < signals.size(); s++)
            {
                seen.add(signals.trigger(s).id() + " at +" + i * 5 + "s");
            }
        }

        // No event for a while: ask at the deadline detection gives.
        final long deadlineMs = detection.nextDeadlineMs(state, triggers);
        detection.onTimer(state, deadlineMs, triggers, signals);
        for (int s = 0; s < signals.size(); s++)
        {
            seen.add(signals.trigger(s).id() + " at +" + (deadlineMs - t0) / 1_000 + "s");
        }
        return seen;
    }
}
