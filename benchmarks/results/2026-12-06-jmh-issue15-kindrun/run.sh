#!/usr/bin/env bash
# Issue 15's hot path after the kind run became one long (layout 4), on main with issue 16:
# before (6818021, the last commit before the issue's work) and after (96e22c5), alternated three
# times on the shared 2-core machine; -f 1 with the benchmarks' own 5 x 2 s warm-up and 5 x 2 s
# measurement. The jars: `./mvnw -q -B -ntp -o -pl benchmarks -am package -DskipTests` at each
# commit, copied to /tmp/bench/jar-<commit>.jar.
set -euo pipefail
cd "$(dirname "$0")"
for run in 1 2 3; do
  for build in 6818021 96e22c5; do
    java -jar /tmp/bench/jar-$build.jar 'DetectionBenchmark|PerEventPathBenchmark' -f 1 -prof gc > $build-run$run.txt 2>&1
    uptime >> $build-run$run.txt
  done
done
