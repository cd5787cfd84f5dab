package dev.pulse.bench.ingest;

import java.util.Map;

/**
 * What one run of the ingest benchmark's client does, from the environment run-ingest.sh sets.
 *
 * @param port               the server's port on 127.0.0.1
 * @param site               the catalog's site key (the WebSocket's {@code site}, the ingest's path, the origin's host)
 * @param keyId              the ingest key's id ({@code Pulse-Key})
 * @param secret             the ingest key's secret, as UTF-8 bytes
 * @param sessions           live sessions kept open (a rolled one is replaced at once)
 * @param ratePerS           signed requests a second, at fixed intended times
 * @param warmupS            seconds sent before the measured part
 * @param durationS          seconds measured
 * @param inFlight           at most this many requests in flight (a request waiting for one is still timed
 *                           from its intended start)
 * @param askQuestions       true ({@code MODE=question}): every event is expected to ask a question, which the
 *                           client answers before its session takes the next event; false ({@code MODE=applied}):
 *                           only the 202 is awaited, as the first runs of this benchmark did
 * @param questionsPerSession after this many questions a session is closed and a fresh one takes its place
 *                           (the catalog's {@code max_questions_per_session})
 * @param questionTimeoutS   an event answered {@code 202 applied} whose question has not come after this long
 *                           is counted as without a question ({@code no_question_after_applied})
 * @param serverPid          the server's pid, for its CPU from /proc (0: not measured)
 */
record IngestSettings(
    int port,
    String site,
    String keyId,
    byte[] secret,
    int sessions,
    int ratePerS,
    int warmupS,
    int durationS,
    int inFlight,
    boolean askQuestions,
    int questionsPerSession,
    int questionTimeoutS,
    long serverPid)
{
    static IngestSettings from(final Map<String, String> env)
    {
        final String mode = value(env, "MODE", "question");
        if (!mode.equals("question") && !mode.equals("applied"))
        {
            throw new IllegalArgumentException("MODE is question or applied, not " + mode);
        }
        return new IngestSettings(
            Integer.parseInt(value(env, "PORT", "8080")),
            value(env, "SITE", mode.equals("question") ? "ingest" : "loadtest"),
            value(env, "KEY_ID", "bench"),
            value(env, "SECRET", "").getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Integer.parseInt(value(env, "SESSIONS", "500")),
            Integer.parseInt(value(env, "RATE", "1000")),
            Integer.parseInt(value(env, "WARMUP_S", "30")),
            Integer.parseInt(value(env, "DURATION_S", "30")),
            Integer.parseInt(value(env, "IN_FLIGHT", "64")),
            mode.equals("question"),
            Integer.parseInt(value(env, "QUESTIONS_PER_SESSION", "8")),
            Integer.parseInt(value(env, "QUESTION_TIMEOUT_S", "10")),
            Long.parseLong(value(env, "SERVER_PID", "0")));
    }

    String mode()
    {
        return askQuestions ? "question" : "applied";
    }

    /** The origin the sessions' handshakes carry: the catalog lists {@code http://<site>.pulse}. */
    String origin()
    {
        return "http://" + site + ".pulse";
    }

    private static String value(final Map<String, String> env, final String name, final String fallback)
    {
        final String value = env.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
