#!/usr/bin/env bash
# What the kind-run ring costs the in-cache core: DetectionBenchmark.onEvent at 64 sessions on
# 01c0f86 (main) against 01c0f86 with the two lines of SessionHistoryFlyweight.pushPage that write
# the kind run taken out (nokindw: the cart-checkout detector then sees no runs; a measurement
# only, never a build to ship), two forks of 4 x 1 s each, alternated three times, nothing else
# running. The jars as in ../2026-12-07-jmh-issue15-f3/run.sh.
set -euo pipefail
cd "$(dirname "$0")"
for run in 1 2 3; do
  for build in 01c0f86 01c0f86-nokindw; do
    java -jar /tmp/bench/jar-$build.jar 'DetectionBenchmark.onEvent' -p sessions=64 -f 2 -wi 4 -i 4 -w 1 -r 1 > $build-run$run.txt 2>&1
    uptime >> $build-run$run.txt
  done
done
