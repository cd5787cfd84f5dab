package dev.pulse.loadtest;

/**
 * Where a virtual user is in its journeys, and what its next slot is for: the journey's next step,
 * a filler while it waits for the question (after the step that completes the pattern), the
 * answer, the step forward after it, or nothing while it leaves. It counts each question as
 * received, missed (its deadline passed), interrupted (its connection was lost meanwhile), late
 * or unexpected, and decides when the session must end: after an exit intent, or when the next
 * journey's question was already asked in this session (a session is never asked the same
 * question twice).
 *
 * <p>It only keeps the state; the {@link VirtualUser} sends and closes. Not thread-safe: owned by
 * its user's event loop.
 */
final class JourneyWalk
{
    /** What the user's next slot is for. */
    enum Phase
    {
        STEPS, AWAIT_QUESTION, ANSWER, FORWARD, LEAVING
    }

    private final LoopAgent agent;
    private final LoopMeasurements measured;

    private Phase phase = Phase.STEPS;
    private Journey journey;
    private Journey next;
    private int step;
    /** The journeys whose question this session was asked, one bit each ({@link Journey#bit}). */
    private int askedMask;
    private long expectIntendedNs;
    private long expectDeadlineNs;
    /** Whether the connection was lost while the question was awaited. */
    private boolean disrupted;
    /** The journey whose question timed out on this session's connection: its question may still come, late. */
    private Journey timedOut;
    private long leaveSinceNs;

    JourneyWalk(final LoopAgent agent)
    {
        this.agent = agent;
        this.measured = agent.measurements();
    }

    /** Starts {@code first} (a new journey is counted as a run). */
    void start(final Journey first)
    {
        journey = first;
        step = 0;
        phase = Phase.STEPS;
        measured.runs[first.ordinal()]++;
    }

    Phase phase()
    {
        return phase;
    }

    /** The step the next slot sends, in {@link Phase#STEPS}. */
    Step step()
    {
        return journey.step(step);
    }

    /**
     * The step sent at {@code intendedNs}: after a stuck journey's last step the question is
     * awaited (from that time); after an ordinary journey's last, the journey finishes. True if the
     * user must leave now.
     */
    boolean stepSent(final long intendedNs)
    {
        if (journey.asked() && step == journey.stepCount() - 1)
        {
            expect(intendedNs);
            return false;
        }
        return ++step == journey.stepCount() && finishJourney();
    }

    /** After a journey's last message (or its answer): forward to the next journey, or leave (true). */
    boolean finishJourney()
    {
        next = agent.drawJourney();
        if (journey.endsSession() || (next.asked() && (askedMask & next.bit()) != 0))
        {
            return true;
        }
        if (journey.asked())
        {
            phase = Phase.FORWARD;
        }
        else
        {
            start(next);
        }
        return false;
    }

    /** The step forward after an answer went: on to the next journey. */
    void forwardSent()
    {
        start(next);
    }

    private void expect(final long intendedNs)
    {
        phase = Phase.AWAIT_QUESTION;
        expectIntendedNs = intendedNs;
        expectDeadlineNs = intendedNs + agent.questionTimeoutNs() + (journey == Journey.IDLE ? agent.idleNs() : 0);
        disrupted = false;
    }

    /** Whether the awaited question's deadline has passed. */
    boolean questionOverdue(final long nowNs)
    {
        return nowNs >= expectDeadlineNs;
    }

    /** The question did not come in time: missed, or interrupted if the connection was lost meanwhile. */
    void questionTimedOut()
    {
        if (disrupted)
        {
            measured.interrupted[journey.ordinal()]++;
        }
        else
        {
            measured.missed[journey.ordinal()]++;
        }
        timedOut = journey;
        next = agent.drawJourney();
    }

    /**
     * A question came. True if it is the awaited one, well formed: it is counted, its latency
     * recorded (from the event that completed the pattern), and the next slot answers it.
     */
    boolean onQuestion(final ServerMessage message, final long nowNs)
    {
        if (phase != Phase.AWAIT_QUESTION)
        {
            if (timedOut != null)
            {
                measured.late[timedOut.ordinal()]++;
                timedOut = null;
            }
            else
            {
                measured.unexpected[journey.ordinal()]++;
            }
            return false;
        }
        if (!message.hasIid || message.choiceLength == 0)
        {
            measured.errors[ErrorCodes.MALFORMED]++;
            return false;
        }
        measured.received[journey.ordinal()]++;
        if (journey.measuresQuestionLatency() && expectIntendedNs >= agent.measureStartNs())
        {
            LoopMeasurements.record(measured.question, expectIntendedNs, nowNs);
        }
        askedMask |= journey.bit();
        phase = Phase.ANSWER;
        return true;
    }

    /** The user starts leaving: it sends nothing more and closes once nothing is owed. */
    void beginLeave(final long nowNs)
    {
        phase = Phase.LEAVING;
        leaveSinceNs = nowNs;
    }

    /** Whether the user has waited longer than a question may take for what it is owed before leaving. */
    boolean leaveOverdue(final long nowNs)
    {
        return nowNs - leaveSinceNs > agent.questionTimeoutNs();
    }

    boolean leaving()
    {
        return phase == Phase.LEAVING;
    }

    /** The connection was lost: a question awaited now may never come on it. */
    void onDisconnected()
    {
        if (phase == Phase.AWAIT_QUESTION)
        {
            disrupted = true;
        }
    }

    /** The user will not reconnect: a question awaited is interrupted, and nothing more is awaited. */
    void stopAwaiting()
    {
        if (phase == Phase.AWAIT_QUESTION)
        {
            measured.interrupted[journey.ordinal()]++;
            phase = Phase.STEPS;
        }
    }

    /**
     * The server did not know the session after a reconnect: its questions may be asked again, an
     * awaited one is interrupted, and the journey starts again (the next one if this one was done).
     */
    void sessionLost()
    {
        askedMask = 0;
        timedOut = null;
        if (phase == Phase.AWAIT_QUESTION)
        {
            measured.interrupted[journey.ordinal()]++;
        }
        start(phase == Phase.LEAVING || phase == Phase.FORWARD ? next : journey);
    }

    /** A fresh session after leaving: nothing asked yet, the journey drawn last goes first. */
    void newSession()
    {
        timedOut = null;
        askedMask = 0;
        start(next);
    }

    /** After the end of the schedule: true while the question is still awaited (an overdue one times out and the user leaves). */
    boolean stillAwaiting(final long nowNs)
    {
        if (phase == Phase.AWAIT_QUESTION && nowNs >= expectDeadlineNs)
        {
            questionTimedOut();
            phase = Phase.LEAVING;
        }
        return phase == Phase.AWAIT_QUESTION;
    }

    /** The run is over: a question still awaited never came. */
    void end()
    {
        if (phase == Phase.AWAIT_QUESTION)
        {
            questionTimedOut();
        }
        phase = Phase.LEAVING;
    }
}
