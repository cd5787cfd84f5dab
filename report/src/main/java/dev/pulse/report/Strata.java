package dev.pulse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.agrona.collections.Long2LongHashMap;

/**
 * The catalog versions windows were opened under, numbered in order of first sight, each with its
 * {@link WindowPolicy}: a unit keeps the small number, not the hash. A handful per report. Not
 * thread-safe.
 */
final class Strata
{
    private final LongFunction<WindowPolicy> policies;
    private final Long2LongHashMap indexByVersion = new Long2LongHashMap(-1);
    private final List<Long> versions = new ArrayList<>();
    private final List<WindowPolicy> policyByIndex = new ArrayList<>();
    private long longestOpenMs;

    Strata(final LongFunction<WindowPolicy> policies)
    {
        this.policies = policies;
    }

    /** The number of a version, numbering it on first sight. */
    int index(final long versionHash)
    {
        final long index = indexByVersion.get(versionHash);
        if (index >= 0)
        {
            return (int)index;
        }
        versions.add(versionHash);
        final WindowPolicy policy = policies.apply(versionHash);
        policyByIndex.add(policy);
        longestOpenMs = Math.max(longestOpenMs, policy.maxOpenMs());
        indexByVersion.put(versionHash, versions.size() - 1);
        return versions.size() - 1;
    }

    int size()
    {
        return versions.size();
    }

    long version(final int index)
    {
        return versions.get(index);
    }

    WindowPolicy policy(final int index)
    {
        return policyByIndex.get(index);
    }

    /** The last opening time of a complete window of this stratum, given the end of observation. */
    long cutoffMs(final int index, final long observationEndMs)
    {
        return observationEndMs - policyByIndex.get(index).maxOpenMs();
    }

    /** The longest a window of any version seen stays open ({@link WindowPolicy#DEFAULTS}' when none is seen yet). */
    long longestOpenMs()
    {
        return versions.isEmpty() ? WindowPolicy.DEFAULTS.maxOpenMs() : longestOpenMs;
    }

    /** Whether every version's policy was read from its catalog copy (else the defaults stood in). */
    boolean allKnown()
    {
        return policyByIndex.stream().allMatch(WindowPolicy::known);
    }
}
