package dev.pulse.server.http;

/**
 * What the erasure and export routes ({@link ErasureRoutes}) ask of the server: a data subject's
 * requests, by session id or by visitor id. Every call may read the whole journal and waits for the
 * disk, so the routes make it off the event loops.
 */
public interface DataSubjectRequests
{
    /** How a request ended, one HTTP status each. */
    enum Outcome
    {
        /** 204: erased, its record in the journal's file. */
        DONE,
        /** 404: no such session or visitor (or it was erased before): nothing changed. */
        UNKNOWN,
        /** 400: not a session id or visitor id: nothing changed. */
        MALFORMED,
        /** 503: the journal could not take the erasure's record now: nothing changed; ask again. */
        UNAVAILABLE
    }

    /** None: every id unknown (routes without a server behind them, tests of other routes). */
    DataSubjectRequests NONE = new DataSubjectRequests()
    {
        @Override
        public Outcome eraseSession(final String sid)
        {
            return Outcome.UNKNOWN;
        }

        @Override
        public Outcome eraseVisitor(final String vid)
        {
            return Outcome.UNKNOWN;
        }

        @Override
        public String export(final String sid)
        {
            return null;
        }
    };

    /** Erases the session: its state at once, its erasure recorded before this returns. */
    Outcome eraseSession(String sid);

    /** Erases every session of the visitor, each as {@link #eraseSession} does. */
    Outcome eraseVisitor(String vid);

    /** Everything held about the session as one JSON object; null if it is unknown, malformed or erased. */
    String export(String sid);
}
