package dev.pulse.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One histogram of a {@code /metrics} scrape (its cumulative {@code _bucket{le="..."}} lines), and
 * the difference of two scrapes, to read a percentile's bucket bound over the measured period only.
 */
final class PrometheusHistogram
{
    private final TreeMap<Double, Double> cumulative;

    private PrometheusHistogram(final TreeMap<Double, Double> cumulative)
    {
        this.cumulative = cumulative;
    }

    /** The histogram {@code name} in a scrape; empty when the file or the histogram is missing. */
    static PrometheusHistogram read(final Path scrape, final String name) throws IOException
    {
        final TreeMap<Double, Double> buckets = new TreeMap<>();
        if (Files.isRegularFile(scrape))
        {
            final String prefix = name + "_bucket{le=\"";
            for (final String line : Files.readAllLines(scrape, StandardCharsets.UTF_8))
            {
                if (line.startsWith(prefix))
                {
                    final int close = line.indexOf('"', prefix.length());
                    final String bound = line.substring(prefix.length(), close);
                    final double le = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
                    buckets.put(le, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
        }
        return new PrometheusHistogram(buckets);
    }

    /** What was recorded after {@code earlier}. */
    PrometheusHistogram minus(final PrometheusHistogram earlier)
    {
        final TreeMap<Double, Double> difference = new TreeMap<>();
        for (final Map.Entry<Double, Double> bucket : cumulative.entrySet())
        {
            difference.put(bucket.getKey(), bucket.getValue() - earlier.cumulative.getOrDefault(bucket.getKey(), 0.0));
        }
        return new PrometheusHistogram(difference);
    }

    double count()
    {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /** The upper bound of the bucket holding the given quantile; NaN with nothing recorded. */
    double quantileBound(final double quantile)
    {
        final double count = count();
        if (count <= 0)
        {
            return Double.NaN;
        }
        for (final Map.Entry<Double, Double> bucket : cumulative.entrySet())
        {
            if (bucket.getValue() >= quantile * count)
            {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
