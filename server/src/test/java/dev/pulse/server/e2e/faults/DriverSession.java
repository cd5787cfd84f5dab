package dev.pulse.server.e2e.faults;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * One simulated visitor of the load driver: its session id, its seq counter, what the server
 * acknowledged, the questions it was asked, and every close and error it saw. Its script repeats
 * a search page, two failed searches (the catalog asks on the second), then answers the open
 * question (if answering) or reports activity. When it reconnects it says hello with its sid and checks the
 * welcome against what it knew when the connection was lost.
 *
 * <p>Thread-safe: the driver's ticker and the connection's event loop both call in, so every
 * method is synchronized (sends happen under the lock, so seq order is write order).
 */
final class DriverSession
{
    private final DriverTally tally;
    private final boolean answering;
    private final InetSocketAddress source;
    private Channel channel;
    private boolean welcomed;
    private String sid;
    private long seq;
    private long ackedSeq;
    private long seqAtLoss;
    private long ackedAtLoss;
    private int step;
    private String openIid;
    private int attempts;
    private final List<String> questionIids = new ArrayList<>();
    /** The question ids ({@code qid}) of the questions received, in order. */
    private final List<String> questionIds = new ArrayList<>();
    /** The seq of the last welcome. */
    private long welcomeSeq;
    private final List<Integer> closeCodes = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    DriverSession(final DriverTally tally, final boolean answering, final InetSocketAddress source)
    {
        this.tally = tally;
        this.answering = answering;
        this.source = source;
    }

    /** The local address its connections come from. */
    InetSocketAddress source()
    {
        return source;
    }

    /** The WebSocket handshake completed: say hello, resuming the session if there is one. */
    synchronized void onOpen(final Channel opened)
    {
        channel = opened;
        final String text = sid == null
            ? "{\"t\":\"hello\",\"v\":1,\"url\":\"/\",\"ctx\":{\"device\":\"desktop\"}}"
            : "{\"t\":\"hello\",\"v\":1,\"sid\":\"" + sid + "\",\"url\":\"/search\",\"ctx\":{\"device\":\"desktop\"}}";
        opened.writeAndFlush(new TextWebSocketFrame(text));
    }

    synchronized void onMessage(final JsonNode message)
    {
        switch (message.path("t").asText())
        {
            case "welcome":
                onWelcome(message);
                break;
            case "ack":
                ackedSeq = Math.max(ackedSeq, message.get("seq").asLong());
                break;
            case "question":
                // Answerable only if it came right after the second search: once the script has
                // moved on, the next page view closes it, and answering it would be unknown_intervention.
                final String iid = message.get("iid").asText();
                openIid = answering && ((step - 1) & 3) == 2 ? iid : null;
                questionIids.add(iid);
                questionIds.add(message.path("qid").asText());
                tally.questions.increment();
                break;
            case "response":
                tally.responses.increment();
                break;
            case "error":
                errors.add(message.path("code").asText());
                tally.errors.increment();
                tally.kind(message.path("code").asText());
                break;
            default:
                errors.add("unexpected " + message);
                tally.errors.increment();
                break;
        }
    }

    private void onWelcome(final JsonNode welcome)
    {
        final String welcomedSid = welcome.get("sid").asText();
        final long serverSeq = welcome.get("seq").asLong();
        if (sid != null)
        {
            tally.resumeAttempts.increment();
            if (!welcome.get("resumed").asBoolean() || !welcomedSid.equals(sid))
            {
                tally.notResumed.increment();
            }
            else if (serverSeq < ackedAtLoss || serverSeq > seqAtLoss)
            {
                // The server may have handled more than it acked before the loss, never less, never more than was sent.
                tally.seqMismatches.increment();
            }
            else
            {
                tally.resumed.increment();
            }
        }
        sid = welcomedSid;
        welcomeSeq = serverSeq;
        seq = serverSeq;
        ackedSeq = serverSeq;
        openIid = null;
        attempts = 0;
        welcomed = true;
        tally.welcomes.increment();
    }

    /** The server sent a close frame. */
    synchronized void onClose(final int code)
    {
        closeCodes.add(code);
        tally.closes.increment();
        tally.kind("close " + code);
    }

    /** The connection is gone (closed or lost): remember what was sent and acked, to check the next welcome. */
    synchronized void onLost()
    {
        channel = null;
        welcomed = false;
        seqAtLoss = seq;
        ackedAtLoss = ackedSeq;
    }

    /** Sends the script's next message, if connected and welcomed. */
    synchronized void tick()
    {
        if (!welcomed || channel == null)
        {
            return;
        }
        final long next = ++seq;
        final String text;
        switch (step++ & 3)
        {
            case 0:
                openIid = null;
                text = "{\"t\":\"page\",\"seq\":" + next + ",\"url\":\"/search\",\"nav\":\"navigate\"}";
                break;
            case 1:
            case 2:
                text = "{\"t\":\"search\",\"seq\":" + next + ",\"q\":\"unicorn\",\"results\":0}";
                break;
            default:
                if (openIid != null)
                {
                    text = "{\"t\":\"answer\",\"seq\":" + next + ",\"iid\":\"" + openIid + "\",\"choice\":\"gift\"}";
                    openIid = null;
                    tally.answers.increment();
                }
                else
                {
                    text = "{\"t\":\"active\",\"seq\":" + next + "}";
                }
                break;
        }
        channel.writeAndFlush(new TextWebSocketFrame(text));
        tally.sent.increment();
    }

    /** The next reconnect attempt's number (1, 2, ...). */
    synchronized int nextAttempt()
    {
        return ++attempts;
    }

    synchronized boolean welcomed()
    {
        return welcomed;
    }

    synchronized boolean connected()
    {
        return channel != null;
    }

    synchronized boolean allAcked()
    {
        return ackedSeq >= seq;
    }

    synchronized String sid()
    {
        return sid;
    }

    synchronized long seq()
    {
        return seq;
    }

    synchronized long ackedSeq()
    {
        return ackedSeq;
    }

    synchronized List<String> questionIids()
    {
        return List.copyOf(questionIids);
    }

    synchronized List<String> questionIds()
    {
        return List.copyOf(questionIds);
    }

    synchronized long welcomeSeq()
    {
        return welcomeSeq;
    }

    synchronized List<Integer> closeCodes()
    {
        return List.copyOf(closeCodes);
    }

    synchronized List<String> errors()
    {
        return List.copyOf(errors);
    }

    synchronized void close()
    {
        if (channel != null)
        {
            channel.close();
        }
    }
}
