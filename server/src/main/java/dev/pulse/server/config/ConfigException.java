package dev.pulse.server.config;

import java.util.List;

/**
 * A configuration that cannot be used: an unknown key or variable, or a value of the wrong form.
 * Carries every problem found, one line each, so an operator fixes them all in one go. The command
 * line prints the message and exits with status 2.
 */
public final class ConfigException extends Exception
{
    private final List<String> problems;

    public ConfigException(final List<String> problems)
    {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(final String problem)
    {
        this(List.of(problem));
    }

    /** Each problem, naming where it is (file and line, variable or flag), the value and what is expected. */
    public List<String> problems()
    {
        return problems;
    }
}
