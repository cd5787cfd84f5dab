package dev.pulse.detect;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import dev.pulse.detect.governor.Governor;
import dev.pulse.detect.governor.GovernorPolicy;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.detect.trigger.Trigger;
import dev.pulse.detect.trigger.TriggerIndex;

import dev.pulse.detect.process.Decisions;
import dev.pulse.detect.process.EventProcessor;
/**
 * One session driven through the real core with a fake clock: its state record lives off-heap,
 * as in the server, and every event goes through {@link EventProcessor}.
 */
public final class TestSession
{
    /** Tests start at a realistic epoch time: times are epoch milliseconds, never zero. */
    public static final long T0 = 1_700_000_000_000L;

    public final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(SessionStateFlyweight.LENGTH + 64));
    public final SessionStateFlyweight state = new SessionStateFlyweight();
    public final Event event = new Event();
    public final EventProcessor processor = new EventProcessor();
    public final Decisions decisions = new Decisions(4);
    private final PagePath pagePath = new PagePath();
    private final TriggerIndex triggers;
    private final Governor governor;
    private long nowMs = T0;

    public TestSession(final GovernorPolicy policy, final Trigger... triggers)
    {
        this(1, 2, policy, triggers);
    }

    public TestSession(final long sidHi, final long sidLo, final GovernorPolicy policy, final Trigger... triggers)
    {
        this.triggers = new TriggerIndex(List.of(triggers));
        this.governor = new Governor(policy);
        state.wrap(buffer, 32).init(sidHi, sidLo, 77, T0);
    }

    private TestSession(final TestSession original)
    {
        this.triggers = original.triggers;
        this.governor = original.governor;
        this.nowMs = original.nowMs;
        buffer.putBytes(16, original.buffer, original.state.offset(), SessionStateFlyweight.LENGTH);
        state.wrap(buffer, 16);
    }

    /**
     * The same session as the server would see it after a reconnect or a restart: the record's
     * bytes, at another address, read by fresh flyweights.
     */
    public TestSession resumedCopy()
    {
        return new TestSession(this);
    }

    /** A policy that never gets in the way: no cooldown, no page grace, no holdout, cap 8. */
    public static GovernorPolicy permissivePolicy()
    {
        return new GovernorPolicy(0, SessionStateFlyweight.ASKED_CAPACITY, 0, false, 0);
    }

    public long nowMs()
    {
        return nowMs;
    }

    /** Moves the fake clock to {@code T0 + offsetMs}. */
    public TestSession at(final long offsetMs)
    {
        nowMs = T0 + offsetMs;
        return this;
    }

    public TestSession advance(final long ms)
    {
        nowMs += ms;
        return this;
    }

    public Decisions page(final String path, final int kind, final NavType nav)
    {
        return send(event.reset(EventType.PAGE).page(pagePath.normalise(path).hash(), kind, nav));
    }

    public Decisions navigate(final String path, final int kind)
    {
        return page(path, kind, NavType.NAVIGATE);
    }

    public Decisions back(final String path, final int kind)
    {
        return page(path, kind, NavType.BACK);
    }

    public Decisions forward(final String path, final int kind)
    {
        return page(path, kind, NavType.FORWARD);
    }

    public Decisions active()
    {
        return send(event.reset(EventType.ACTIVE));
    }

    public Decisions visibility(final boolean hidden)
    {
        return send(event.reset(EventType.VISIBILITY).hidden(hidden));
    }

    public Decisions click(final String target, final int x, final int y)
    {
        return send(event.reset(EventType.CLICK).click(Hash64.of(target), x, y));
    }

    public Decisions search(final long results)
    {
        return send(event.reset(EventType.SEARCH).resultCount(results));
    }

    /** A search whose words matched {@code intent} (its number; 0: none). */
    public Decisions search(final long results, final int intent)
    {
        return send(event.reset(EventType.SEARCH).resultCount(results).searchIntent(intent));
    }

    public Decisions formError(final String form, final String field)
    {
        return send(event.reset(EventType.FORM_ERROR).formError(Hash64.of(form), Hash64.of(field)));
    }

    public Decisions exitIntent()
    {
        return send(event.reset(EventType.EXIT_INTENT));
    }

    public Decisions goal(final String name)
    {
        return send(event.reset(EventType.GOAL).goal(Hash64.of(name)));
    }

    /**
     * A backend event of that name, its fields given as key, value pairs (a value that reads as a
     * number also carries it, as the ingest route decodes it).
     */
    public Decisions backend(final String name, final String... keyValues)
    {
        event.reset(EventType.BACKEND).backend(Hash64.of(name));
        for (int i = 0; i + 1 < keyValues.length; i += 2)
        {
            event.backendField(Hash64.of(keyValues[i]), Hash64.of(keyValues[i + 1]), number(keyValues[i + 1]), keyValues[i + 1]);
        }
        return send(event);
    }

    public Decisions scrollBack()
    {
        return send(event.reset(EventType.SCROLL_BACK));
    }

    private static double number(final String text)
    {
        try
        {
            return Double.parseDouble(text);
        }
        catch (final NumberFormatException notANumber)
        {
            return Double.NaN;
        }
    }

    /** The server's timer wheel firing at the current time. */
    public Decisions timer()
    {
        processor.onTimer(state, nowMs, triggers, governor, decisions);
        return decisions;
    }

    public long nextDeadlineMs()
    {
        return processor.nextDeadlineMs(state, triggers);
    }

    public boolean answer(final int iid)
    {
        return governor.onAnswer(state, iid);
    }

    public boolean dismiss(final int iid)
    {
        return governor.onDismiss(state, iid);
    }

    public Decisions send(final Event event)
    {
        processor.onEvent(state, event, nowMs, triggers, governor, decisions);
        return decisions;
    }

    /** How many signals the last event produced. */
    public int size()
    {
        return decisions.size();
    }

    /** The verdicts of the last event, in priority order. */
    public List<Verdict> verdicts()
    {
        final List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++)
        {
            verdicts.add(decisions.verdict(i));
        }
        return verdicts;
    }

    /** The ids of the triggers that signalled on the last event, in priority order. */
    public List<String> signalled()
    {
        final List<String> ids = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++)
        {
            ids.add(decisions.trigger(i).id());
        }
        return ids;
    }
}
