#!/usr/bin/env bash
# Where the per-event path's +7% since 6818021 comes from: PerEventPathBenchmark alone at the
# first-parent commits between (6818021 before issue 15; 01c0f86 issue 15 and 16 merged;
# dcaddd1 issue 15's kind8; 1c537f2 issue 17's metrics; db72dbf issue 17's logs; dc12352 main),
# three forks each (-f 3 -wi 4 -i 4 -w 1 -r 1 -prof gc), alternated twice, nothing else running.
set -euo pipefail
cd "$(dirname "$0")"
for run in 1 2; do
  for build in 6818021 01c0f86 dcaddd1 1c537f2 logs dc12352; do
    java -jar /tmp/bench/jar-$build.jar 'PerEventPathBenchmark' -f 3 -wi 4 -i 4 -w 1 -r 1 -prof gc > $build-run$run.txt 2>&1
    uptime >> $build-run$run.txt
  done
done
