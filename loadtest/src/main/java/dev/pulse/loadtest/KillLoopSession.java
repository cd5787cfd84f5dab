package dev.pulse.loadtest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.channel.Channel;

import dev.pulse.loadtest.KillLoopCheck.SessionLedger;

/**
 * One visitor of the kill loop and its ledger: the session id, the highest seq it sent, and the
 * highest seq the server promised to have (by an {@code ack}, or a {@code welcome}'s seq). Seqs are
 * never renumbered: after a lost connection it says hello with its sid and resends, with the same
 * seq and the same content, exactly the messages after the welcome's seq (never one the server
 * says it has). What the server says is checked against what was sent; an anomaly is counted in
 * the {@link KillLoopTally}.
 *
 * <p>If a hello does not resume the session (the server forgot it), the old ledger is kept for the
 * check and the visitor goes on under the new id, from seq 1.
 *
 * <p>Not thread-safe: every call comes from the driver's one event loop.
 */
final class KillLoopSession
{
    private static final byte[][] TEMPLATES = {
        ClientFrameProxy.ascii("{\"t\":\"page\",\"url\":\"/\",\"nav\":\"navigate\",\"seq\":"),
        ClientFrameProxy.ascii("{\"t\":\"click\",\"target\":\"#buy\",\"x\":12,\"y\":34,\"seq\":"),
        ClientFrameProxy.ascii("{\"t\":\"active\",\"seq\":"),
        ClientFrameProxy.ascii("{\"t\":\"visibility\",\"hidden\":false,\"seq\":"),
    };

    private final KillLoopTally tally;
    private final List<SessionLedger> retired = new ArrayList<>();
    private Channel channel;
    private boolean welcomed;
    private byte[] sid;
    private String sidText;
    private long sentSeq;
    private long ackedSeq;
    private int attempts;

    KillLoopSession(final KillLoopTally tally)
    {
        this.tally = tally;
    }

    /** The upgrade is done: hello, resuming the session if there is one. */
    void onUpgraded(final Channel upgraded, final ClientFrameProxy proxy)
    {
        channel = upgraded;
        upgraded.writeAndFlush(proxy.hello(upgraded.alloc(), sid, sid == null ? 0 : sid.length), upgraded.voidPromise());
    }

    void onMessage(final ServerMessage message, final ClientFrameProxy proxy)
    {
        switch (message.type)
        {
            case WELCOME -> onWelcome(message, proxy);
            case ACK -> onAck(message.seq);
            case ERROR -> tally.errors[message.errorCode]++;
            case QUESTION, RESPONSE -> tally.questionsAndResponses++;
            default -> tally.errors[ErrorCodes.MALFORMED]++;
        }
    }

    private void onWelcome(final ServerMessage welcome, final ClientFrameProxy proxy)
    {
        final String welcomedSid = new String(welcome.sid, 0, welcome.sidLength, StandardCharsets.US_ASCII);
        if (sidText != null && (!welcome.resumed || !welcomedSid.equals(sidText)))
        {
            tally.notResumed++;
            retired.add(ledger());
            sentSeq = 0;
            ackedSeq = 0;
        }
        sidText = welcomedSid;
        sid = welcomedSid.getBytes(StandardCharsets.US_ASCII);
        final long serverSeq = welcome.seq;
        if (serverSeq < ackedSeq)
        {
            tally.welcomesBelowAcked++;
        }
        if (serverSeq > sentSeq)
        {
            tally.welcomesAboveSent++;
        }
        ackedSeq = Math.max(ackedSeq, Math.min(serverSeq, sentSeq));
        welcomed = true;
        attempts = 0;
        tally.welcomes++;
        for (long seq = Math.max(serverSeq, 0) + 1; seq <= sentSeq; seq++)
        {
            write(seq, proxy);
            tally.resent++;
        }
        channel.flush();
    }

    private void onAck(final long seq)
    {
        if (seq > sentSeq)
        {
            tally.acksAboveSent++;
        }
        ackedSeq = Math.max(ackedSeq, Math.min(seq, sentSeq));
    }

    /** Sends the next message, if welcomed. */
    void sendNext(final ClientFrameProxy proxy)
    {
        if (welcomed)
        {
            write(++sentSeq, proxy);
            channel.flush();
        }
    }

    /** Message {@code seq}: its content follows from its seq, so a resend is the same message. */
    private void write(final long seq, final ClientFrameProxy proxy)
    {
        channel.write(proxy.message(channel.alloc(), TEMPLATES[(int)(seq % TEMPLATES.length)], seq), channel.voidPromise());
    }

    /** The connection is gone (the server was killed, or a connect failed). */
    void onLost(final Channel lost)
    {
        if (lost == channel || channel == null)
        {
            channel = null;
            welcomed = false;
        }
    }

    /** The next reconnect attempt's number (1, 2, ...). */
    int nextAttempt()
    {
        return ++attempts;
    }

    boolean welcomed()
    {
        return welcomed;
    }

    /** Welcomed, and every message sent is acked. */
    boolean drained()
    {
        return welcomed && ackedSeq >= sentSeq;
    }

    long sentSeq()
    {
        return sentSeq;
    }

    long ackedSeq()
    {
        return ackedSeq;
    }

    /** The ledgers for the check: sessions this visitor lost to a hello that did not resume, then its current one. */
    void addLedgers(final List<SessionLedger> into)
    {
        into.addAll(retired);
        if (sidText != null)
        {
            into.add(ledger());
        }
    }

    private SessionLedger ledger()
    {
        return new SessionLedger(sidText, sentSeq, ackedSeq);
    }

    void close()
    {
        if (channel != null)
        {
            channel.close();
        }
    }
}
