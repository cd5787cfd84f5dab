#!/usr/bin/env bash
# Issue 19's cost on the hot path: main at 8833d1c (issue 19 merged) against 101dbd1 (before it),
# three forks per benchmark (-f 3 -wi 4 -i 4 -w 1 -r 1 -prof gc), alternated three times, nothing
# else running; then the per-piece detectors and search-intent matching at 8833d1c, one fork.
# Each jar is `./mvnw -pl benchmarks -am package -DskipTests` at that commit, copied to
# /tmp/bench19/jar-<commit>.jar.
set -euo pipefail
cd "$(dirname "$0")"
for run in 1 2 3; do
  for build in 101dbd1 8833d1c; do
    java -jar /tmp/bench19/jar-$build.jar 'DetectionBenchmark|PerEventPathBenchmark' -f 3 -wi 4 -i 4 -w 1 -r 1 -prof gc > $build-run$run.txt 2>&1
    uptime >> $build-run$run.txt
  done
done
java -jar /tmp/bench19/jar-8833d1c.jar 'DetectorBenchmark|CatalogBenchmark.searchIntent|CatalogBenchmark.pageKindLookup' \
  -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s > pieces-8833d1c.txt 2>&1
uptime >> pieces-8833d1c.txt
