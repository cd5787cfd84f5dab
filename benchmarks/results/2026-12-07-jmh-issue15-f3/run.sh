#!/usr/bin/env bash
# Issue 15's hot-path bar, measured with three forks per benchmark so that fork-to-fork variance
# (±5-10% on this machine) averages out inside each run: before (6818021, the last commit before
# the issue's work), after (01c0f86, main with issues 15 and 16), and after with issue 16's URL cut
# switched off (01c0f86-nocut: UrlScrubber.keepAllowed returns at once), alternated three times,
# nothing else running. The jars: `./mvnw -q -B -ntp -o -pl benchmarks -am package -DskipTests` at
# each commit (for nocut after that one-line change), copied to /tmp/bench/jar-<build>.jar.
set -euo pipefail
cd "$(dirname "$0")"
for run in 1 2 3; do
  for build in 6818021 01c0f86 01c0f86-nocut; do
    java -jar /tmp/bench/jar-$build.jar 'DetectionBenchmark|PerEventPathBenchmark' -f 3 -wi 4 -i 4 -w 2 -r 2 -prof gc > $build-run$run.txt 2>&1
    uptime >> $build-run$run.txt
  done
done
