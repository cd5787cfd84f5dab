package dev.pulse.loadtest;

import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;

/**
 * One event loop's share of the run: its virtual users (global index {@code loop + i * loops}), its
 * slice of the schedule, its measurements. A tick sends every event whose intended time
 * has come, then flushes the connections it wrote to. Nothing here is shared with another loop:
 * no locks and no atomics on the path of an event; the generator reads the results once the
 * loop has handed them over.
 *
 * <p>The tick is not periodic: each one sleeps until the next event (or connection) is due, but
 * at least {@code --tick-us}, so events close together go out in one wake-up (and one flush per
 * connection), and a slow rate costs no idle wake-ups.
 *
 * <p>The schedule is open: the aggregate event {@code k} is due at
 * {@code start + k / rate} whatever the server does, and belongs to the user
 * {@code k mod sessions}, so each user sends one event every {@code sessions / rate} seconds.
 */
final class LoopAgent
{
    private static final long NOT_YET = Long.MAX_VALUE;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long CLOSE_GRACE_MS = 2_000;
    private static final long BACKOFF_FIRST_MS = 100;
    private static final long BACKOFF_MAX_MS = 5_000;
    /** The longest a tick sleeps when nothing is due yet (the schedule may be set meanwhile). */
    private static final long IDLE_TICK_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private final EventLoop loop;
    private final RunSettings settings;
    private final int loopIndex;
    private final int loops;
    private final VirtualUser[] users;
    private final VirtualUser[] toFlush;
    private final LoopMeasurements measurements = new LoopMeasurements();
    private final ClientFrameProxy proxy;
    private final ServerMessageReader reader = new ServerMessageReader();
    private final SplittableRandom random;
    private final Bootstrap bootstrap;
    private final UpgradeRequest upgradeRequest;
    private final InetSocketAddress[] sourceAddresses;
    private final long questionTimeoutNs;
    private final long idleNs;
    private final Runnable tick = this::tick;

    private int flushCount;
    private int sourceCursor;
    private int rampCursor;
    private long rampStartNs = NOT_YET;
    private long tickNs;
    private long scheduleStartNs = NOT_YET;
    private long measureStartNs = NOT_YET;
    private long endNs = NOT_YET;
    private boolean ended;
    private long round;
    private int position;
    private String firstProblem;
    private long problems;

    LoopAgent(
        final EventLoop loop,
        final Bootstrap bootstrap,
        final RunSettings settings,
        final UpgradeRequest upgradeRequest,
        final int loopIndex,
        final int loops)
    {
        this.loop = loop;
        this.settings = settings;
        this.loopIndex = loopIndex;
        this.loops = loops;
        this.bootstrap = bootstrap.clone(loop);
        this.upgradeRequest = upgradeRequest;
        this.random = new SplittableRandom(0x9E3779B97F4A7C15L * (loopIndex + 1));
        this.proxy = new ClientFrameProxy(random.nextInt());
        this.questionTimeoutNs = TimeUnit.MILLISECONDS.toNanos(settings.questionTimeoutMs());
        this.idleNs = TimeUnit.MILLISECONDS.toNanos(settings.idleMs());
        final int count = (settings.sessions() - loopIndex + loops - 1) / loops;
        this.users = new VirtualUser[count];
        this.toFlush = new VirtualUser[count];
        for (int i = 0; i < count; i++)
        {
            users[i] = new VirtualUser(this, i);
        }
        this.sourceAddresses = new InetSocketAddress[settings.sourceAddresses()];
        for (int i = 0; i < sourceAddresses.length; i++)
        {
            sourceAddresses[i] = new InetSocketAddress(sourceAddress(i), 0);
        }
        this.sourceCursor = loopIndex;
    }

    private static java.net.InetAddress sourceAddress(final int index)
    {
        try
        {
            return java.net.InetAddress.getByAddress(new byte[] {127, 0, (byte)((index + 1) >>> 8), (byte)(index + 1)});
        }
        catch (final java.net.UnknownHostException ex)
        {
            throw new IllegalStateException("four octets always make an address", ex);
        }
    }

    // ---------------------------------------------------------------- phases (each runs on the loop)

    /** Starts the tick and the ramp: user {@code s} connects at {@code rampStartNs + s / connectRate}. */
    void startRamp(final long rampStartNs, final long tickNs)
    {
        this.rampStartNs = rampStartNs;
        this.tickNs = tickNs;
        loop.execute(tick);
    }

    /** Sets the schedule: events from {@code scheduleStartNs}, measured from {@code measureStartNs}, none from {@code endNs}. */
    void startSchedule(final long scheduleStartNs, final long measureStartNs, final long endNs)
    {
        this.scheduleStartNs = scheduleStartNs;
        this.measureStartNs = measureStartNs;
        this.endNs = endNs;
    }

    /** Sleeps until the next connection or event is due, but at least one tick and at most {@link #IDLE_TICK_NS}. */
    private void scheduleNextTick(final long nowNs)
    {
        long dueNs = nowNs + IDLE_TICK_NS;
        if (rampCursor < users.length)
        {
            dueNs = Math.min(dueNs, rampIntendedNs(rampCursor));
        }
        if (!ended && scheduleStartNs != NOT_YET)
        {
            dueNs = Math.min(dueNs, Math.min(endNs, intendedNs(position, round)));
        }
        final long delayNs = Math.max(tickNs, dueNs - System.nanoTime());
        loop.schedule(tick, delayNs, TimeUnit.NANOSECONDS);
    }

    private long rampIntendedNs(final int i)
    {
        return rampStartNs + globalIndex(i) * NANOS_PER_SECOND / settings.connectRate();
    }

    /** How many users have a ready session, and how many are dead (failed without reconnecting). */
    long[] readyAndDead()
    {
        long ready = 0;
        long dead = 0;
        for (final VirtualUser user : users)
        {
            ready += user.ready() ? 1 : 0;
            dead += user.dead() ? 1 : 0;
        }
        return new long[] {ready, dead};
    }

    /** After the end: how many users still wait for something (timing out questions on the way). */
    int pending()
    {
        final long nowNs = System.nanoTime();
        int pending = 0;
        for (final VirtualUser user : users)
        {
            pending += user.pending(nowNs) ? 1 : 0;
        }
        return pending;
    }

    /** Counts what never came, closes every connection, and hands the measurements over. */
    LoopMeasurements finish()
    {
        ended = true;
        for (final VirtualUser user : users)
        {
            user.finish();
        }
        return measurements;
    }

    // ---------------------------------------------------------------- the tick

    private void tick()
    {
        final long nowNs = System.nanoTime();
        while (rampCursor < users.length)
        {
            final long intendedNs = rampIntendedNs(rampCursor);
            if (intendedNs > nowNs)
            {
                break;
            }
            users[rampCursor++].start(intendedNs);
        }
        if (!ended && nowNs >= scheduleStartNs)
        {
            sendDue(nowNs);
        }
        for (int i = 0; i < flushCount; i++)
        {
            toFlush[i].flushListed();
            toFlush[i] = null;
        }
        flushCount = 0;
        scheduleNextTick(nowNs);
    }

    private void sendDue(final long nowNs)
    {
        while (true)
        {
            final long intendedNs = intendedNs(position, round);
            if (intendedNs >= endNs)
            {
                ended = nowNs >= endNs;
                return;
            }
            if (intendedNs > nowNs)
            {
                return;
            }
            users[position].onSlot(round, nowNs);
            if (++position == users.length)
            {
                position = 0;
                round++;
            }
        }
    }

    /** The intended time of user {@code i}'s slot in {@code slotRound}. */
    long intendedNs(final int i, final long slotRound)
    {
        final long k = globalIndex(i) + slotRound * settings.sessions();
        return scheduleStartNs + k * NANOS_PER_SECOND / settings.rate();
    }

    /** The last round whose slot of user {@code i} is due (-1 if none yet). */
    long lastDueRound(final int i)
    {
        return i < position ? round : round - 1;
    }

    private long globalIndex(final int i)
    {
        return loopIndex + (long)i * loops;
    }

    // ---------------------------------------------------------------- services for the users

    Channel connect(final VirtualUser user)
    {
        final InetSocketAddress source = sourceAddresses[sourceCursor];
        sourceCursor = (sourceCursor + 1) % sourceAddresses.length;
        final ChannelFuture connecting = bootstrap.handler(new ConnectionHandler(user, this))
            .connect(settings.url().address(), source);
        final Channel channel = connecting.channel();
        connecting.addListener((ChannelFutureListener)future ->
        {
            if (!future.isSuccess())
            {
                noteProblem("could not connect: " + future.cause());
                user.onConnectionLost(future.channel(), 0, System.nanoTime());
            }
        });
        return channel;
    }

    /** Sends the close frame; the server closes TCP (so TIME_WAIT stays there), or we do after a grace. */
    void closeGently(final Channel channel, final ByteBuf closeFrame)
    {
        channel.writeAndFlush(closeFrame, channel.voidPromise());
        loop.schedule(() -> channel.close(), CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    /** Exponential backoff with jitter: 100 ms doubling to 5 s, each drawn from its upper half. */
    void reconnectLater(final VirtualUser user, final int attempt)
    {
        final long capMs = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS << Math.min(attempt, 10));
        final long delayMs = capMs / 2 + random.nextLong(capMs / 2 + 1);
        loop.schedule(() -> user.reconnect(System.nanoTime()), delayMs, TimeUnit.MILLISECONDS);
    }

    void flushLater(final VirtualUser user)
    {
        toFlush[flushCount++] = user;
    }

    Journey drawJourney()
    {
        return settings.mix().draw(random);
    }

    /** Remembers the first problem for the report; counts the rest. */
    void noteProblem(final String problem)
    {
        if (firstProblem == null)
        {
            firstProblem = problem;
        }
        problems++;
    }

    String firstProblem()
    {
        return firstProblem;
    }

    long problems()
    {
        return problems;
    }

    boolean ended()
    {
        return ended;
    }

    boolean reconnects()
    {
        return settings.reconnect();
    }

    long measureStartNs()
    {
        return measureStartNs;
    }

    long questionTimeoutNs()
    {
        return questionTimeoutNs;
    }

    long idleNs()
    {
        return idleNs;
    }

    LoopMeasurements measurements()
    {
        return measurements;
    }

    ClientFrameProxy proxy()
    {
        return proxy;
    }

    ServerMessageReader reader()
    {
        return reader;
    }

    UpgradeRequest upgradeRequest()
    {
        return upgradeRequest;
    }

    EventLoop loop()
    {
        return loop;
    }
}
