package dev.pulse.kafka;

import java.io.IOException;

/**
 * The main class of a test broker's JVM ({@link KafkaBroker}): Kafka's own {@code kafka.Kafka} with
 * the given properties, halted when its standard input closes, so a broker never outlives the test
 * (or script) that started it, even one killed with -9.
 */
public final class KafkaBrokerMain
{
    private KafkaBrokerMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Thread watchdog = new Thread(() ->
        {
            try
            {
                while (System.in.read() >= 0)
                {
                    // Nothing is sent; the read ends when the parent goes.
                }
            }
            catch (final IOException ex)
            {
                // The same: the parent is gone.
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }
}
