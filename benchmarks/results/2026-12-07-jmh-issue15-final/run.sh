#!/usr/bin/env bash
# Issue 15's hot-path bar on the code it leaves: main at dc12352 (after issue 17's merges) against
# 6818021 (before issue 15), three forks per benchmark (-f 3 -wi 4 -i 4 -w 1 -r 1 -prof gc),
# alternated three times, nothing else running. Each jar is `./mvnw -pl benchmarks -am package
# -DskipTests` at that commit, copied to /tmp/bench/jar-<commit>.jar.
set -euo pipefail
cd "$(dirname "$0")"
for run in 1 2 3; do
  for build in 6818021 dc12352; do
    java -jar /tmp/bench/jar-$build.jar 'DetectionBenchmark|PerEventPathBenchmark' -f 3 -wi 4 -i 4 -w 1 -r 1 -prof gc > $build-run$run.txt 2>&1
    uptime >> $build-run$run.txt
  done
done
