package dev.pulse.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine;

/**
 * The frame of this module's two command lines ({@link LoadtestMain}, {@link KillLoopMain}):
 * picocli reads the options into the subclass, {@link #settings} checks them (a wrong one is a
 * usage error, told on stderr after the command's name), and {@link #run} does the work. Both
 * commands mean the same by their exit statuses, so scripts read them alike. The streams are given
 * so that tests can read what a run printed.
 *
 * @param <S> the checked settings of a run.
 */
abstract class CheckedCommand<S> implements Callable<Integer>
{
    static final int EXIT_OK = 0;
    /** A check failed: the server under test was wrong (or a result could not be written). */
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    /** The server could not be reached (the load test) or run (the kill loop). */
    static final int EXIT_UNREACHABLE = 3;

    protected final PrintStream stdout;
    protected final PrintStream stderr;
    private final String name;

    CheckedCommand(final String name, final PrintStream stdout, final PrintStream stderr)
    {
        this.name = name;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Runs the command line {@code args}; returns the exit status (picocli's 2 for a usage error it finds itself). */
    final int execute(final String... args)
    {
        return new CommandLine(this)
            .setOut(new PrintWriter(stdout, true, StandardCharsets.UTF_8))
            .setErr(new PrintWriter(stderr, true, StandardCharsets.UTF_8))
            .execute(args);
    }

    @Override
    public final Integer call() throws InterruptedException
    {
        final S settings;
        try
        {
            settings = settings();
        }
        catch (final IllegalArgumentException | IOException ex)
        {
            problem(ex.getMessage());
            return EXIT_USAGE;
        }
        return run(settings);
    }

    /** Prints {@code message} on stderr after the command's name. */
    final void problem(final String message)
    {
        stderr.println(name + ": " + message);
    }

    /**
     * The options, checked.
     *
     * @throws IllegalArgumentException naming the option that is wrong.
     * @throws IOException if a place the options name cannot be made.
     */
    abstract S settings() throws IOException;

    /** The work, with checked settings; returns the exit status. */
    abstract int run(S settings) throws InterruptedException;
}
