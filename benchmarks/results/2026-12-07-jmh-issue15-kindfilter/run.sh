#!/usr/bin/env bash
# Issue 15's hot path once the history keeps kind runs only of the kinds a detector reads (9f2634e)
# against 6818021 (before the issue): three forks per benchmark (-f 3 -wi 4 -i 4 -w 1 -r 1 -prof gc),
# alternated three times, nothing else running. The jars as in ../2026-12-07-jmh-issue15-f3/run.sh.
set -euo pipefail
cd "$(dirname "$0")"
for run in 1 2 3; do
  for build in 6818021 9f2634e; do
    java -jar /tmp/bench/jar-$build.jar 'DetectionBenchmark|PerEventPathBenchmark' -f 3 -wi 4 -i 4 -w 1 -r 1 -prof gc > $build-run$run.txt 2>&1
    uptime >> $build-run$run.txt
  done
done
