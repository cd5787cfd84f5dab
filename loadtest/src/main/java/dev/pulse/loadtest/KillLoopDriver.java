package dev.pulse.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;

import dev.pulse.loadtest.KillLoopCheck.SessionLedger;

/**
 * The kill loop's clients: a fixed number of {@link KillLoopSession}s over WebSocket connections to
 * the server under test on loopback, each sending one message every {@code 1000 / messagesPerSecond}
 * ms (spread over 10 ms ticks). A lost connection or a failed connect is retried with exponential
 * backoff and full jitter (50 ms doubling to 500 ms), against whatever port the server was last
 * started on, and the session resumed by its sid.
 *
 * <p>Everything runs on one event loop, so the sessions and the shared frame pieces need no locks;
 * the kill loop's thread reaches in only through {@link #onLoop}.
 */
final class KillLoopDriver implements AutoCloseable
{
    static final long TICK_MS = 10;
    private static final long BACKOFF_BASE_MS = 50;
    private static final long BACKOFF_CAP_MS = 500;
    private static final long CALL_TIMEOUT_S = 30;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final List<KillLoopSession> sessions = new ArrayList<>();
    private final KillLoopTally tally = new KillLoopTally();
    private final ClientFrameProxy proxy;
    private final ServerMessageReader reader = new ServerMessageReader();
    private final Random random;
    private final String site;
    private final String origin;
    private final int ticksPerMessage;
    private LoopbackUrl url;
    private UpgradeRequest upgrade;
    private ScheduledFuture<?> ticking;
    private long ticks;
    private boolean closing;

    KillLoopDriver(final int sessionCount, final int messagesPerSecond, final String site, final String origin, final long seed)
    {
        if (messagesPerSecond < 1 || messagesPerSecond > 1000 / TICK_MS)
        {
            throw new IllegalArgumentException("messages per second per session must be 1 to " + 1000 / TICK_MS);
        }
        this.site = site;
        this.origin = origin;
        this.random = new Random(seed);
        this.proxy = new ClientFrameProxy((int)seed);
        this.ticksPerMessage = (int)(1000 / TICK_MS / messagesPerSecond);
        for (int i = 0; i < sessionCount; i++)
        {
            sessions.add(new KillLoopSession(tally));
        }
    }

    /** Points the clients at the server's new port; the first call opens every session's connection. */
    void target(final int port)
    {
        onLoop(() ->
        {
            final boolean first = url == null;
            url = LoopbackUrl.parse("ws://127.0.0.1:" + port + "/ws?site=" + site);
            upgrade = new UpgradeRequest(url, origin);
            if (first)
            {
                sessions.forEach(this::connect);
            }
            return null;
        });
    }

    private void connect(final KillLoopSession session)
    {
        if (closing)
        {
            return;
        }
        tally.connects++;
        new Bootstrap().group(loop).channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
            .handler(new KillLoopConnection(session, this, upgrade))
            .connect(url.address())
            .addListener(done ->
            {
                if (!done.isSuccess())
                {
                    tally.connectFailures++;
                    retry(session);
                }
            });
    }

    /** A connection of {@code session} ended: it is retried. */
    void lost(final KillLoopSession session, final Channel channel)
    {
        session.onLost(channel);
        retry(session);
    }

    private void retry(final KillLoopSession session)
    {
        if (closing)
        {
            return;
        }
        final int attempt = session.nextAttempt();
        final long ceilingMs = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS << Math.min(attempt - 1, 10));
        loop.schedule(() -> connect(session), random.nextLong(ceilingMs + 1), TimeUnit.MILLISECONDS);
    }

    /** Every welcomed session sends at its pace from now on. */
    void startSending()
    {
        onLoop(() ->
        {
            ticking = loop.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
            return null;
        });
    }

    /** No new messages from now on (resends after a welcome still go); returns once no tick runs. */
    void stopSending()
    {
        onLoop(() -> ticking == null || ticking.cancel(false));
    }

    private void tick()
    {
        final int slot = (int)(ticks++ % ticksPerMessage);
        for (int i = slot; i < sessions.size(); i += ticksPerMessage)
        {
            sessions.get(i).sendNext(proxy);
        }
    }

    /**
     * Waits up to {@code timeoutMs} until every session is welcomed and has every message it sent
     * acked; returns how many sessions are not.
     */
    long awaitDrained(final long timeoutMs) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        long undrained = countUndrained();
        while (undrained > 0 && System.nanoTime() < deadlineNs)
        {
            Thread.sleep(50);
            undrained = countUndrained();
        }
        return undrained;
    }

    private long countUndrained()
    {
        return onLoop(() -> sessions.stream().filter(session -> !session.drained()).count());
    }

    /** How many sessions are welcomed (connected, and may send) right now. */
    long welcomed()
    {
        return onLoop(() -> sessions.stream().filter(KillLoopSession::welcomed).count());
    }

    /** Every session's ledger, for the check. */
    List<SessionLedger> ledgers()
    {
        return onLoop(() ->
        {
            final List<SessionLedger> ledgers = new ArrayList<>();
            sessions.forEach(session -> session.addLedgers(ledgers));
            return ledgers;
        });
    }

    /** A copy of the counts, taken on the loop. */
    KillLoopTally tallyCopy()
    {
        return onLoop(tally::copy);
    }

    /** Runs {@code work} on the driver's loop and returns its result. */
    private <T> T onLoop(final Callable<T> work)
    {
        try
        {
            return loop.submit(work).get(CALL_TIMEOUT_S, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the driver's loop", ex);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            throw new IllegalStateException("the driver's loop failed or hung", ex);
        }
    }

    KillLoopTally tally()
    {
        return tally;
    }

    ClientFrameProxy proxy()
    {
        return proxy;
    }

    ServerMessageReader reader()
    {
        return reader;
    }

    @Override
    public void close()
    {
        onLoop(() ->
        {
            closing = true;
            if (ticking != null)
            {
                ticking.cancel(false);
            }
            sessions.forEach(KillLoopSession::close);
            return null;
        });
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
