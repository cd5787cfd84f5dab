package dev.pulse.server;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the signals an operator or a supervisor sends do to {@code pulse serve}:
 *
 * <ul>
 *   <li>SIGTERM and SIGINT stop the server gracefully (the first drains, a second skips the rest
 *       of the drain) and let the command return 0. The JVM's default for these signals runs the
 *       shutdown hooks and then exits with 128 + the signal (143, 130), which reads to a
 *       supervisor as a failure;</li>
 *   <li>SIGHUP reloads (systemd's {@code ExecReload=kill -HUP $MAINPID}). The JVM's default for it
 *       is to exit (129).</li>
 * </ul>
 *
 * Each signal's action runs on a thread of its own, so a stop that drains for seconds does not
 * hold up the next signal.
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported) is the only way to handle a signal in Java.
 * It is reached by reflection because javac warns about it in a way no annotation silences, and
 * this build treats warnings as errors. Where it is missing, the shutdown hook still stops the
 * server (without the drain), and SIGHUP keeps the JVM's default. A signal the process was started
 * ignoring (SIGHUP under {@code nohup}) stays ignored, and the log says so at start.
 */
final class ProcessSignals
{
    private static final Logger LOG = LoggerFactory.getLogger(ProcessSignals.class);

    private ProcessSignals()
    {
    }

    /** Runs {@code stop} on each SIGTERM and SIGINT, {@code reload} on each SIGHUP. */
    static void install(final Runnable stop, final Runnable reload)
    {
        try
        {
            final Class<?> signalClass = Class.forName("sun.misc.Signal");
            final Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            final Constructor<?> signal = signalClass.getConstructor(String.class);
            final Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            on("TERM", stop, signal, handle, handlerClass);
            on("INT", stop, signal, handle, handlerClass);
            on("HUP", reload, signal, handle, handlerClass);
        }
        catch (final ReflectiveOperationException | RuntimeException unavailable)
        {
            LOG.debug("no signal handling on this JVM; the shutdown hook stops the server", unavailable);
        }
    }

    /**
     * A signal ignored when the process started stays ignored: the JVM does not install a handler over it (a process
     * started under {@code nohup} ignores SIGHUP; a shell's background job, SIGINT). Said once at start, so an operator
     * whose reload or stop does nothing knows why.
     */
    private static void ignored(final String name)
    {
        switch (name)
        {
            case "HUP" -> LOG.warn("SIGHUP was ignored when this process started (under nohup?), and stays ignored: it does not "
                + "reload; reload the catalog with POST /admin/catalog/reload, or let the file watches (catalog_watch_ms, tls_watch_ms) do it");
            case "TERM" -> LOG.warn("SIGTERM was ignored when this process started, and stays ignored: it does not stop the server; "
                + "stop it with SIGINT, or with SIGKILL (no drain; the next start recovers)");
            default -> LOG.debug("SIG{} was ignored when this process started, and stays ignored", name);
        }
    }

    private static void on(final String name, final Runnable action, final Constructor<?> signal, final Method handle,
        final Class<?> handlerClass)
    {
        final Object handler = Proxy.newProxyInstance(ProcessSignals.class.getClassLoader(), new Class<?>[] {handlerClass},
            (proxy, method, args) ->
            {
                if ("handle".equals(method.getName()))
                {
                    new Thread(action, "pulse-sig" + name.toLowerCase(Locale.ROOT)).start();
                    return null;
                }
                return method.invoke(action, args);
            });
        try
        {
            final Object previous = handle.invoke(null, signal.newInstance(name), handler);
            if (previous == handlerClass.getField("SIG_IGN").get(null))
            {
                ignored(name);
            }
        }
        catch (final ReflectiveOperationException | IllegalArgumentException unsupported)
        {
            LOG.debug("cannot handle SIG{} here; the JVM's default applies", name, unsupported);
        }
    }
}
