package dev.pulse.loadtest;

import java.util.SplittableRandom;

/**
 * Journey weights from {@code --mix} ({@code browse=40,back_and_forth=20,...}); journeys not
 * named have weight 0. Without {@code --mix} every journey has the same weight. Immutable.
 */
final class Mix
{
    private final int[] weights = new int[Journey.count()];
    private final int[] cumulative = new int[Journey.count()];
    private final int total;
    private final String text;

    private Mix(final int[] weights)
    {
        System.arraycopy(weights, 0, this.weights, 0, weights.length);
        int sum = 0;
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < weights.length; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
            if (weights[i] > 0)
            {
                text.append(text.length() == 0 ? "" : ",").append(Journey.byOrdinal(i).wireName()).append('=').append(weights[i]);
            }
        }
        this.total = sum;
        this.text = text.toString();
    }

    /** Every journey, equally often. */
    static Mix everyJourney()
    {
        final int[] weights = new int[Journey.count()];
        java.util.Arrays.fill(weights, 1);
        return new Mix(weights);
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code text}. */
    static Mix parse(final String text)
    {
        final int[] weights = new int[Journey.count()];
        final boolean[] seen = new boolean[Journey.count()];
        for (final String part : text.split(",", -1))
        {
            final int equals = part.indexOf('=');
            if (equals < 0)
            {
                throw new IllegalArgumentException("--mix: '" + part.trim() + "' is not journey=weight");
            }
            final String name = part.substring(0, equals).trim();
            final Journey journey = Journey.byWireName(name);
            if (journey == null)
            {
                throw new IllegalArgumentException("--mix: unknown journey '" + name + "' (journeys: " + names() + ")");
            }
            if (seen[journey.ordinal()])
            {
                throw new IllegalArgumentException("--mix: journey '" + name + "' is given twice");
            }
            seen[journey.ordinal()] = true;
            final String weight = part.substring(equals + 1).trim();
            try
            {
                weights[journey.ordinal()] = Integer.parseInt(weight);
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("--mix: the weight of '" + name + "' is not a whole number: " + weight, ex);
            }
            if (weights[journey.ordinal()] < 0 || weights[journey.ordinal()] > 1_000_000)
            {
                throw new IllegalArgumentException("--mix: the weight of '" + name + "' must be in [0, 1000000]: " + weight);
            }
        }
        final Mix mix = new Mix(weights);
        if (mix.total == 0)
        {
            throw new IllegalArgumentException("--mix: at least one journey needs a positive weight");
        }
        return mix;
    }

    /** A journey drawn by weight. */
    Journey draw(final SplittableRandom random)
    {
        final int ticket = random.nextInt(total);
        for (int i = 0; i < cumulative.length; i++)
        {
            if (ticket < cumulative[i])
            {
                return Journey.byOrdinal(i);
            }
        }
        throw new IllegalStateException("a ticket below the total always falls in a slot");
    }

    int weight(final Journey journey)
    {
        return weights[journey.ordinal()];
    }

    /** Whether every journey drawn is ordinary browsing, which has no time window to keep. */
    boolean browseOnly()
    {
        return total == weights[Journey.BROWSE.ordinal()];
    }

    private static String names()
    {
        final StringBuilder names = new StringBuilder();
        for (final Journey journey : Journey.values())
        {
            names.append(names.length() == 0 ? "" : ", ").append(journey.wireName());
        }
        return names.toString();
    }

    @Override
    public String toString()
    {
        return text;
    }
}
