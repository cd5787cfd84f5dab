package dev.pulse.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The measuring protocol of the per-event hot-path benchmarks, written once so that their numbers
 * stay comparable (BENCHMARKS.md compares them before and after a change): the average time of one
 * operation in nanoseconds, state per thread, three forks, five warm-up and five measured
 * iterations of two seconds each. A benchmark extends this class and inherits the protocol (JMH's
 * annotations are {@code @Inherited}); the command line still overrides it for a quick look
 * ({@code -f 1 -wi 1 -i 1}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class HotPathBenchmark
{
}
