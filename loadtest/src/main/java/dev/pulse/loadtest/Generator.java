package dev.pulse.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.EventExecutor;

/**
 * Runs one load test: checks the server is reachable, ramps the sessions up at the connect rate,
 * runs the open schedule through the warm-up and the measured period, waits for what is still on
 * its way, and merges every loop's measurements into a {@link Report}. The process CPU time is
 * read at the start and the end of the measured period, so the generator's cost per event covers
 * exactly the events it measured.
 */
final class Generator
{
    private static final long REACH_TIMEOUT_MS = 2_000;
    private static final long POLL_MS = 50;
    private static final long RAMP_SLACK_MS = 10_000;
    private static final long START_DELAY_MS = 100;
    private static final long CLOSE_FLUSH_MS = 300;

    private final RunSettings settings;
    private final PrintStream log;

    Generator(final RunSettings settings, final PrintStream log)
    {
        this.settings = settings;
        this.log = log;
    }

    /** Runs the test; null if the server could not be reached (nothing was measured). */
    Report run() throws InterruptedException
    {
        if (!reachable())
        {
            log.println("loadtest: cannot reach " + settings.url().address() + " (no TCP connection within " + REACH_TIMEOUT_MS + " ms)");
            return null;
        }
        final boolean epoll = Epoll.isAvailable();
        final int loops = settings.effectiveLoops();
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(loops, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try
        {
            return run(group, epoll);
        }
        finally
        {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        }
    }

    private Report run(final EventLoopGroup group, final boolean epoll) throws InterruptedException
    {
        final Class<? extends Channel> channelType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        final Bootstrap bootstrap = new Bootstrap()
            .group(group)
            .channel(channelType)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        final UpgradeRequest upgrade = new UpgradeRequest(settings.url(), settings.origin());
        final List<LoopAgent> agents = new ArrayList<>();
        int index = 0;
        for (final EventExecutor executor : group)
        {
            agents.add(new LoopAgent((EventLoop)executor, bootstrap, settings, upgrade, index++, settings.effectiveLoops()));
        }

        final long rampStartNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DELAY_MS);
        final long tickNs = TimeUnit.MICROSECONDS.toNanos(settings.tickMicros());
        for (final LoopAgent agent : agents)
        {
            agent.loop().execute(() -> agent.startRamp(rampStartNs, tickNs));
        }
        final long[] readyAndDead = awaitRamp(agents);
        log.printf("loadtest: %d of %d sessions ready (%d failed), %d loops (%s)%n",
            readyAndDead[0], settings.sessions(), readyAndDead[1], agents.size(), epoll ? "epoll" : "nio");
        if (readyAndDead[0] == 0)
        {
            log.println("loadtest: no session could be opened" + firstProblem(agents));
            finish(agents);
            return null;
        }

        final long scheduleStartNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DELAY_MS);
        final long measureStartNs = scheduleStartNs + TimeUnit.MILLISECONDS.toNanos(settings.warmupMs());
        final long endNs = measureStartNs + TimeUnit.MILLISECONDS.toNanos(settings.durationMs());
        for (final LoopAgent agent : agents)
        {
            agent.loop().execute(() -> agent.startSchedule(scheduleStartNs, measureStartNs, endNs));
        }
        final long[] loopThreads = new long[agents.size()];
        for (int i = 0; i < loopThreads.length; i++)
        {
            loopThreads[i] = onLoop(agents.get(i), () -> Thread.currentThread().getId());
        }
        sleepUntil(measureStartNs);
        final long cpuStartNs = processCpuNs();
        final long loopCpuStartNs = threadsCpuNs(loopThreads);
        final ProcessTimes timesStart = ProcessTimes.now();
        sleepUntil(endNs);
        final long cpuNs = processCpuNs() - cpuStartNs;
        final long loopCpuNs = threadsCpuNs(loopThreads) - loopCpuStartNs;
        final double systemShare = ProcessTimes.now().systemShareSince(timesStart);

        awaitDrain(agents);
        final LoopMeasurements total = finish(agents);
        Thread.sleep(CLOSE_FLUSH_MS);
        final String problem = firstProblem(agents);
        if (!problem.isEmpty())
        {
            log.println("loadtest: " + problem.substring(2));
        }
        return new Report(settings, agents.size(), total, cpuNs, loopCpuNs, systemShare);
    }

    /** Waits until every session is ready or has failed for good, or the ramp has had its time. */
    private long[] awaitRamp(final List<LoopAgent> agents) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() +
            TimeUnit.MILLISECONDS.toNanos(settings.sessions() * 1_000L / settings.connectRate() + RAMP_SLACK_MS);
        long[] sum = new long[2];
        while (System.nanoTime() < deadlineNs)
        {
            sum = new long[2];
            for (final LoopAgent agent : agents)
            {
                final long[] counts = onLoop(agent, agent::readyAndDead);
                sum[0] += counts[0];
                sum[1] += counts[1];
            }
            if (sum[0] + sum[1] >= settings.sessions())
            {
                break;
            }
            Thread.sleep(POLL_MS);
        }
        return sum;
    }

    /** After the last event: waits for the questions, acks and responses still on their way. */
    private void awaitDrain(final List<LoopAgent> agents) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() +
            TimeUnit.MILLISECONDS.toNanos(settings.questionTimeoutMs() + settings.idleMs() + 1_000);
        while (System.nanoTime() < deadlineNs)
        {
            int pending = 0;
            for (final LoopAgent agent : agents)
            {
                pending += onLoop(agent, agent::pending);
            }
            if (pending == 0)
            {
                return;
            }
            Thread.sleep(POLL_MS);
        }
    }

    private static LoopMeasurements finish(final List<LoopAgent> agents) throws InterruptedException
    {
        final LoopMeasurements total = new LoopMeasurements();
        for (final LoopAgent agent : agents)
        {
            total.add(onLoop(agent, agent::finish));
        }
        return total;
    }

    private static String firstProblem(final List<LoopAgent> agents) throws InterruptedException
    {
        long count = 0;
        String first = null;
        for (final LoopAgent agent : agents)
        {
            count += onLoop(agent, agent::problems);
            final String problem = onLoop(agent, agent::firstProblem);
            first = first == null ? problem : first;
        }
        return first == null ? "" : ": " + first + (count > 1 ? " (and " + (count - 1) + " more problems)" : "");
    }

    /** Runs {@code task} on the agent's loop (the only thread that touches its state) and waits for it. */
    private static <T> T onLoop(final LoopAgent agent, final Callable<T> task) throws InterruptedException
    {
        try
        {
            return agent.loop().submit(task).get();
        }
        catch (final ExecutionException ex)
        {
            throw new IllegalStateException("a loop task failed", ex.getCause());
        }
    }

    private boolean reachable()
    {
        try (Socket socket = new Socket())
        {
            socket.connect(settings.url().address(), (int)REACH_TIMEOUT_MS);
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static void sleepUntil(final long deadlineNs) throws InterruptedException
    {
        long leftNs;
        while ((leftNs = deadlineNs - System.nanoTime()) > 0)
        {
            TimeUnit.NANOSECONDS.sleep(Math.min(leftNs, TimeUnit.MILLISECONDS.toNanos(POLL_MS)));
        }
    }

    /** The CPU time of these threads (the event loops: the generator's own work, without JIT and GC). */
    private static long threadsCpuNs(final long[] threadIds)
    {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (final long id : threadIds)
        {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    /** The CPU time of the whole process (every thread, the JIT and GC included). */
    private static long processCpuNs()
    {
        return ((com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
