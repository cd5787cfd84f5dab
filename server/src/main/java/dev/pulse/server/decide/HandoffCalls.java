package dev.pulse.server.decide;

/**
 * Where the event loops hand hand-offs to be posted (the webhooks' {@code HandoffWebhooks}): an
 * offer never blocks, and a full queue or a server without a signing secret refuses it.
 */
public interface HandoffCalls
{
    /** Takes no call: a server without hand-off webhooks (and tests). */
    HandoffCalls NONE = call -> false;

    /** Queues {@code call} to be posted off the event loop; false (counted by the taker) when it cannot. Never blocks. */
    boolean offer(HandoffCall call);
}
