package dev.pulse.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.pulse.server.ws.ConnectionRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** The drain's order and its spread of closes; waits are bounded below, never asserted to end within a time. */
@Timeout(60)
class ServerDrainTest
{
    private final ConcurrentLinkedQueue<Integer> closed = new ConcurrentLinkedQueue<>();
    private final List<Long> closedAtNs = new ArrayList<>();

    private List<Runnable> closers(final int count)
    {
        final List<Runnable> closers = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            final int index = i;
            closers.add(() ->
            {
                closed.add(index);
                synchronized (closedAtNs)
                {
                    closedAtNs.add(System.nanoTime());
                }
            });
        }
        return closers;
    }

    @Test
    void shouldCloseInOrderSpreadOverTheSpreadTheFirstAtOnce() throws Exception
    {
        ServerDrain.spread(closers(4), 400, new CountDownLatch(1));

        assertThat(closed).containsExactly(0, 1, 2, 3);
        // The fourth of four is due three quarters into the spread: 300 ms after the first, never sooner.
        assertThat(TimeUnit.NANOSECONDS.toMillis(closedAtNs.get(3) - closedAtNs.get(0))).isGreaterThanOrEqualTo(300);
    }

    @Test
    void shouldCloseEverythingAtOnceWithoutASpread() throws Exception
    {
        ServerDrain.spread(closers(1_000), 0, new CountDownLatch(1));

        assertThat(closed).hasSize(1_000);
    }

    @Test
    void shouldCloseWhatIsLeftAtOnceWhenHurried() throws Exception
    {
        final CountDownLatch hurried = new CountDownLatch(1);
        final Thread spreading = new Thread(() ->
        {
            try
            {
                ServerDrain.spread(closers(5), TimeUnit.HOURS.toMillis(1), hurried);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        });
        spreading.start();
        while (closed.isEmpty())
        {
            Thread.sleep(5);
        }
        assertThat(closed).as("the rest are hours away").containsExactly(0);

        hurried.countDown();
        spreading.join();
        assertThat(closed).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void shouldStopClosingOnceTheEventLoopsRefuseWork() throws Exception
    {
        final List<Runnable> closers = closers(3);
        closers.set(1, () ->
        {
            throw new RejectedExecutionException("event executor terminated");
        });

        ServerDrain.spread(closers, 0, new CountDownLatch(1));

        assertThat(closed).containsExactly(0);
    }

    @Test
    void shouldBeginOnceThenStopAcceptingAfterTheDelay() throws Exception
    {
        final ServerDrain drain = new ServerDrain(TimeUnit.HOURS.toMillis(1), TimeUnit.HOURS.toMillis(1));
        assertThat(drain.begun()).isFalse();
        assertThat(drain.begin()).isTrue();
        assertThat(drain.begin()).as("a second signal hurries instead").isFalse();
        assertThat(drain.begun()).isTrue();

        final AtomicBoolean stoppedAccepting = new AtomicBoolean();
        final Thread running = new Thread(() -> drain.run(() -> stoppedAccepting.set(true), new ConnectionRegistry()));
        running.start();
        running.join(200);
        assertThat(stoppedAccepting).as("still in the drain delay").isFalse();

        drain.hurry();
        running.join();
        assertThat(stoppedAccepting).isTrue();
    }
}
