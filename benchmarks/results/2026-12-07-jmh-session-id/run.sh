#!/usr/bin/env bash
# SessionIdBenchmark before (c07abae + the benchmark: two nextLong() from the given generator)
# and after (one 16-byte nextBytes), one after the other, one thread (3 forks) and two threads (1 fork).
set -eu
BEFORE=${BEFORE:-../before/benchmarks/target/pulse-benchmarks.jar}   # c07abae with SessionIdBenchmark.java added, built
AFTER=${AFTER:-benchmarks/target/pulse-benchmarks.jar}
for build in before after; do
  jar=$BEFORE; [ $build = after ] && jar=$AFTER
  java -jar $jar SessionIdBenchmark -rf json -rff $build-t1.json > $build-t1.txt 2>&1
done
for build in before after; do
  jar=$BEFORE; [ $build = after ] && jar=$AFTER
  java -jar $jar SessionIdBenchmark -t 2 -f 1 -rf json -rff $build-t2.json > $build-t2.txt 2>&1
done
