#!/usr/bin/env bash
# Issue 20, round 6: Pulse's per-event path and the floor's, hot and with their caches disturbed
# before each op (ColdPathBenchmark: sweep none, data, loopback), three full runs (3 forks x 5 x 2 s
# each); then the decode alone, Pulse's and the floor's, hot and after the data sweep, three runs;
# and PerEventPathBenchmark once beside them, for the hot loop as it was always measured. From the
# repository's root, after ./mvnw -q -DskipTests package.
set -euo pipefail
OUT=$(cd "$(dirname "$0")" && pwd)
for run in 1 2 3; do
    java -jar benchmarks/target/pulse-benchmarks.jar 'ColdPathBenchmark\.(pulse|floor)$' -prof gc -rf json \
        -rff "$OUT/cold-path-run$run.json" > "$OUT/cold-path-run$run.txt" 2>&1
done
java -jar benchmarks/target/pulse-benchmarks.jar PerEventPathBenchmark -prof gc -rf json -rff "$OUT/per-event-path.json" \
    > "$OUT/per-event-path.txt" 2>&1
for run in 1 2 3; do
    java -jar benchmarks/target/pulse-benchmarks.jar 'ColdPathBenchmark\.(pulseDecode|floorRead)$' -p sweep=none,data -rf json \
        -rff "$OUT/cold-decode-run$run.json" > "$OUT/cold-decode-run$run.txt" 2>&1
done
