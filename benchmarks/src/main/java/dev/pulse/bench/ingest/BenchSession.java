package dev.pulse.bench.ingest;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One live session of the benchmark, as the person behind a tab would be: it says hello, and for
 * each backend event it is given it reads the question, answers its first choice and waits for
 * the response, so that its next event meets no open question. It takes one event at a time; the
 * event ends once the 202 and (in question mode) the response have both come, or with the one
 * reason it got no question (IngestTally). After {@code questionsPerSession} questions (the
 * catalog's cap) the session retires: its owner closes it and opens a fresh one in its place.
 */
final class BenchSession implements WebSocket.Listener
{
    /** Where a session goes when it is ready for an event, or done. */
    interface Owner
    {
        /** The session may take an event ({@code retire} false), or must be closed and replaced. */
        void release(BenchSession session, boolean retire);
    }

    private final Owner owner;
    private final IngestTally tally;
    private final boolean askQuestions;
    private final int questionsPerSession;
    private final StringBuilder text = new StringBuilder();
    private volatile String sid = "";
    private volatile boolean closed;
    private WebSocket socket;
    private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);
    private long seq;
    private int asked;
    // The event in hand (guarded by this).
    private boolean busy;
    private boolean measured;
    private long intendedNs;
    private boolean questionRead;
    private boolean responded;
    private boolean requestDone;
    private boolean applied;
    private long endedAtNs;

    BenchSession(final Owner owner, final IngestTally tally, final IngestSettings settings)
    {
        this.owner = owner;
        this.tally = tally;
        this.askQuestions = settings.askQuestions();
        this.questionsPerSession = settings.questionsPerSession();
    }

    String sid()
    {
        return sid;
    }

    /** Whether the connection is still open (a session in the ready queue may have been closed by the server). */
    boolean open()
    {
        return !closed;
    }

    /** The session takes the event whose request is about to be sent, timed from {@code intendedNs}. */
    synchronized void take(final long intendedNs, final boolean measured)
    {
        this.busy = true;
        this.intendedNs = intendedNs;
        this.measured = measured;
        this.questionRead = false;
        this.responded = false;
        this.requestDone = false;
        this.applied = false;
        if (measured)
        {
            tally.measured.incrementAndGet();
            tally.open.incrementAndGet();
        }
    }

    /** The request ended: {@code outcome} is the 202's status (applied, kept, duplicate) or a refusal. */
    synchronized void requestEnded(final String outcome, final long nowNs)
    {
        if (!busy)
        {
            return;
        }
        requestDone = true;
        endedAtNs = nowNs;
        if (outcome.equals("applied"))
        {
            if (measured)
            {
                tally.applied.recordValue(Math.max(1, nowNs - intendedNs));
                tally.applied202.incrementAndGet();
            }
            applied = true;
            if (!askQuestions || responded)
            {
                end(null, false);
            }
        }
        else if (!questionRead)
        {
            end(outcome, outcome.equals(IngestTally.KEPT));
        }
    }

    /**
     * An event whose request ended {@code timeoutNs} ago and whose question (or its response) has
     * not come ends without it, and the session retires: its state is not known.
     */
    synchronized void checkTimeout(final long nowNs, final long timeoutNs)
    {
        if (busy && requestDone && !responded && nowNs - endedAtNs > timeoutNs)
        {
            end(questionRead ? null : IngestTally.NO_QUESTION_AFTER_APPLIED, true);
        }
    }

    /** Closes the connection once what was sent on it has gone. */
    synchronized void close()
    {
        closed = true;
        if (socket != null)
        {
            lastSend.thenCompose(ws -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "")).exceptionally(x -> null);
        }
    }

    @Override
    public synchronized void onOpen(final WebSocket webSocket)
    {
        socket = webSocket;
        lastSend = webSocket.sendText("{\"t\":\"hello\",\"v\":1,\"url\":\"/\"}", true);
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
    {
        text.append(data);
        if (last)
        {
            final String message = text.toString();
            text.setLength(0);
            switch (ServerFrames.type(message))
            {
                case "welcome" ->
                {
                    sid = ServerFrames.sid(message);
                    owner.release(this, false);
                }
                case "question" -> question(ServerFrames.iid(message), ServerFrames.firstChoice(message), System.nanoTime());
                case "response" -> response();
                default ->
                {
                    // acks (and errors, counted by the server) need nothing here
                }
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
    {
        lost("closed_" + statusCode);
        return null;
    }

    @Override
    public void onError(final WebSocket webSocket, final Throwable error)
    {
        lost("error_" + error.getClass().getSimpleName());
    }

    private synchronized void question(final String iid, final String choice, final long nowNs)
    {
        if (!busy || questionRead)
        {
            tally.unexpectedQuestions.incrementAndGet();
        }
        else
        {
            questionRead = true;
            if (measured)
            {
                tally.questions.recordValue(Math.max(1, nowNs - intendedNs));
                tally.questionCount.incrementAndGet();
            }
        }
        // Answered either way: an open question would keep the session from being asked again.
        lastSend = socket.sendText("{\"t\":\"answer\",\"seq\":" + ++seq + ",\"iid\":\"" + iid + "\",\"choice\":\"" + choice + "\"}", true);
    }

    private synchronized void response()
    {
        asked++;
        responded = true;
        if (busy && requestDone)
        {
            end(null, false);
        }
    }

    private synchronized void lost(final String reason)
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (busy)
        {
            end(questionRead ? null : reason, true);
        }
        else
        {
            owner.release(this, true);
        }
    }

    private void end(final String noQuestionReason, final boolean retire)
    {
        busy = false;
        if (measured)
        {
            if (noQuestionReason != null)
            {
                tally.noQuestion(noQuestionReason);
            }
            tally.open.decrementAndGet();
        }
        owner.release(this, retire || asked >= questionsPerSession);
    }
}
