package dev.pulse.server;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT stop the server gracefully and let the command return 0. The JVM's default
 * for these signals runs the shutdown hooks and then exits with 128 + the signal (143, 130), which
 * reads to a supervisor as a failure; this handler closes the server on its own thread instead,
 * and {@code serve} returns normally once it is closed.
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported) is the only way to handle a signal in Java.
 * It is reached by reflection because javac warns about it in a way no annotation silences, and
 * this build treats warnings as errors. Where it is missing, the shutdown hook still stops the server.
 */
final class StopSignals
{
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals()
    {
    }

    static void install(final Runnable stop)
    {
        try
        {
            final Class<?> signalClass = Class.forName("sun.misc.Signal");
            final Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            final Constructor<?> signal = signalClass.getConstructor(String.class);
            final Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            for (final String name : new String[] {"TERM", "INT"})
            {
                final Object handler = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) ->
                    {
                        if ("handle".equals(method.getName()))
                        {
                            new Thread(stop, "pulse-stop-" + name.toLowerCase(Locale.ROOT)).start();
                            return null;
                        }
                        return method.invoke(stop, args);
                    });
                try
                {
                    handle.invoke(null, signal.newInstance(name), handler);
                }
                catch (final ReflectiveOperationException | IllegalArgumentException unsupported)
                {
                    LOG.debug("cannot handle SIG{} here; the shutdown hook stops the server", name, unsupported);
                }
            }
        }
        catch (final ReflectiveOperationException | RuntimeException unavailable)
        {
            LOG.debug("no signal handling on this JVM; the shutdown hook stops the server", unavailable);
        }
    }
}
