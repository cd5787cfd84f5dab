package dev.pulse.server.timer;

/** Something a loop timer calls back when its deadline comes (on the event loop's thread). */
public interface TimerTarget
{
    /** The deadline armed for {@code timerId} came due; {@code nowMs} is the time of the tick. */
    void onTimer(long timerId, long nowMs);
}
