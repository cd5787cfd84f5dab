package dev.pulse.server.decide;

import java.util.List;

/**
 * A hand-off to post to the support tool's webhook: what the event loop knew when it served the
 * response, copied into this immutable value so another thread can send it. Made only for a
 * response whose hand-off has a webhook (an answer, never the per-event path).
 *
 * @param url            the hand-off's webhook.
 * @param timeMs         the wall time of the answer.
 * @param catalogVersion the version hash of the catalog that asked.
 * @param trigger        the trigger that asked ("" when not known any more).
 * @param available      whether someone answers now (the office hours).
 * @param context        the session's context as key, value, key, value...: what its hello carried (the
 *                       signed token's values, and the client's where the catalog allows them).
 */
public record HandoffCall(String url, long sidHi, long sidLo, int iid, long timeMs, long catalogVersion, String trigger, String question,
    String choice, String response, boolean available, List<String> context)
{
}
