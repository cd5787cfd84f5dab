package dev.pulse.catalog.compile;

import java.util.List;

import dev.pulse.detect.Hash64;
import dev.pulse.detect.governor.HoldoutDraw;

/**
 * A question ready to serve: choice ids as hashes for allocation-free answer lookup, each
 * choice's response, and the copy for every (A/B variant, context segment) pair precomputed.
 * The A/B draw is sticky: the same session always gets the same variant of a question.
 * Immutable.
 */
public final class CompiledQuestion extends CompiledEntry
{
    private static final int VARIANT_SALT = 0x5EED_0A0B;

    private final String[] choiceIds;
    private final long[] choiceHashes;
    private final CompiledResponse[] choiceResponses;
    private final double[] cumulativeWeights;
    /** [variant][segment + 1]: segment slot 0 is "no segment". */
    private final QuestionCopy[][] copies;

    CompiledQuestion(
        final String id,
        final int index,
        final String[] choiceIds,
        final CompiledResponse[] choiceResponses,
        final double[] weights,
        final SegmentCondition[] segments,
        final QuestionCopy[][] copies)
    {
        super(id, index, segments);
        this.choiceIds = choiceIds;
        this.choiceHashes = new long[choiceIds.length];
        for (int i = 0; i < choiceIds.length; i++)
        {
            choiceHashes[i] = Hash64.of(choiceIds[i]);
        }
        this.choiceResponses = choiceResponses;
        this.cumulativeWeights = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++)
        {
            total += weights[i];
            cumulativeWeights[i] = total;
        }
        this.copies = copies;
    }

    public int choiceCount()
    {
        return choiceIds.length;
    }

    public String choiceId(final int choice)
    {
        return choiceIds[choice];
    }

    /** The choice whose id hashes to {@code choiceHash} ({@link Hash64#of}), or -1. */
    public int choiceIndex(final long choiceHash)
    {
        for (int i = 0; i < choiceHashes.length; i++)
        {
            if (choiceHashes[i] == choiceHash)
            {
                return i;
            }
        }
        return -1;
    }

    public CompiledResponse response(final int choice)
    {
        return choiceResponses[choice];
    }

    /** How many A/B variants the question has (1 when it has only its default copy). */
    public int variantCount()
    {
        return copies.length;
    }

    /** The session's A/B variant: drawn by weight, deterministic in (session id, question). */
    public int variantFor(final long sidHi, final long sidLo)
    {
        if (cumulativeWeights.length <= 1)
        {
            return 0;
        }
        final double total = cumulativeWeights[cumulativeWeights.length - 1];
        final double point = HoldoutDraw.bucket(sidHi, sidLo, key() ^ VARIANT_SALT) / 1_000_000.0 * total;
        for (int i = 0; i < cumulativeWeights.length; i++)
        {
            if (point < cumulativeWeights[i])
            {
                return i;
            }
        }
        return cumulativeWeights.length - 1;
    }

    /** The copy for a variant and a segment (-1 for none). */
    public QuestionCopy copy(final int variant, final int segment)
    {
        return copies[variant][segment + 1];
    }

    /** Every copy of the question, for previews: variants in order, each with its segments. */
    public List<QuestionCopy> allCopies()
    {
        final java.util.ArrayList<QuestionCopy> all = new java.util.ArrayList<>();
        for (final QuestionCopy[] variant : copies)
        {
            all.addAll(List.of(variant));
        }
        return all;
    }
}
