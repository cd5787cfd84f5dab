package dev.pulse.server.decide;

/**
 * Where the event loops count a hand-off served with a webhook that will not be posted: the server
 * has no {@code webhook_secret_file} to sign it (an unsigned one would be accepted by no receiver
 * that checks). With a secret the hand-off webhooks post from the journal's handoff record, and
 * this counts nothing. Never blocks.
 */
@FunctionalInterface
public interface UnsignedHandoffs
{
    /** Counts nothing: a server whose hand-offs are signed (and tests). */
    UnsignedHandoffs NONE = () ->
    {
    };

    /** One hand-off with a webhook was served and will not be posted. */
    void served();
}
