package dev.pulse.cluster;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The visitor's promises, from the merged journals of every node: per session (sid), no question
 * asked twice and no more asks than the session cap, wherever each ask happened. An ask is a
 * question shown or a holdout's signal ({@link JournalEntry#question()}). A session that moved to
 * another node keeps its sid there (it resumes with its carry), so its asks on both nodes meet here.
 */
final class QuestionCheck
{
    private static final int EXAMPLES = 5;

    private final int sessionCap;
    private final Map<String, Set<String>> askedBySid = new HashMap<>();
    private final Map<String, Set<String>> nodesBySid = new HashMap<>();
    private final List<String> examples = new ArrayList<>();
    private long asks;
    private long repeated;
    private long overCap;

    /** @param sessionCap the catalog's most questions per session. */
    QuestionCheck(final int sessionCap)
    {
        this.sessionCap = sessionCap;
    }

    /** Takes one record; only asks count. */
    void add(final JournalEntry entry)
    {
        if (entry.question().isEmpty() || entry.sid().isEmpty())
        {
            return;
        }
        asks++;
        nodesBySid.computeIfAbsent(entry.sid(), sid -> new HashSet<>()).add(entry.id().node());
        final Set<String> asked = askedBySid.computeIfAbsent(entry.sid(), sid -> new HashSet<>());
        if (!asked.add(entry.question()))
        {
            example(repeated++, "asked twice: session " + entry.sid() + ", question " + entry.question() + " (again at " + entry.id() + ")");
        }
        else if (asked.size() > sessionCap)
        {
            example(overCap++, "over the cap of " + sessionCap + ": session " + entry.sid() + " at " + entry.id());
        }
    }

    private void example(final long before, final String text)
    {
        if (before < EXAMPLES)
        {
            examples.add(text);
        }
    }

    boolean ok()
    {
        return repeated == 0 && overCap == 0;
    }

    long asks()
    {
        return asks;
    }

    long repeated()
    {
        return repeated;
    }

    long overCap()
    {
        return overCap;
    }

    /** Sessions asked anything on more than one node: the ones the kill moved. */
    long sessionsAskedOnTwoNodes()
    {
        return nodesBySid.values().stream().filter(nodes -> nodes.size() > 1).count();
    }

    List<String> examples()
    {
        return List.copyOf(examples);
    }

    void print(final PrintStream out)
    {
        out.printf("questions: %d asks in %d sessions (%d sessions asked on two nodes), asked twice %d, over the cap %d%n",
            asks, askedBySid.size(), sessionsAskedOnTwoNodes(), repeated, overCap);
        examples.forEach(example -> out.println("questions:   " + example));
    }
}
