#!/usr/bin/env bash
# The generator at 20,000 events/s against the floor server; perf samples the generator for 10 s of the measured period.
set -u
# From the repository root, wherever it is checked out (this script is three folders below it).
cd "$(dirname "$0")/../../.." || exit 2
OUTD=${1:-benchmarks/results/generator-profile}; mkdir -p "$OUTD"
java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -XX:+UseZGC -cp benchmarks/target/pulse-benchmarks.jar dev.pulse.bench.floor.FloorServer --port 8090 --loops 0 > "$OUTD/floor.log" 2>&1 &
FP=$!
sleep 3
java -Xms512m -Xmx512m -XX:+UseZGC -jar loadtest/target/pulse-loadtest.jar --url 'ws://127.0.0.1:8090/ws?site=loadtest' --sessions 10000 --rate 20000 --warmup 30s --duration 30s --mix browse=50,back_and_forth=50 --source-addresses 64 > "$OUTD/generator.txt" 2>&1 &
GP=$!
sleep 45
perf record -e cpu-clock -g -p $GP -o "$OUTD/perf.data" -- sleep 10 > /dev/null 2>&1
wait $GP
kill $FP; wait $FP 2>/dev/null
perf report -i "$OUTD/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep "%" > "$OUTD/by-dso.txt"
perf report -i "$OUTD/perf.data" --children --sort sym --stdio -g none 2>/dev/null | grep "%" | head -60 > "$OUTD/by-symbol-children.txt"
