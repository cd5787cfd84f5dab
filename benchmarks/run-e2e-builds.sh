#!/usr/bin/env bash
# One change at a time, end to end: several builds of Pulse and the floor server at one rate, the
# builds alternating within each rep so the machine's drift falls on all of them alike; then the
# medians of each build side by side (compare-builds.py). Each build gets its own run-e2e.sh
# output directory under OUT. Every other setting is run-e2e.sh's (SERVER_JVM_OPTS, WARMUP, ...).
#
#   BUILDS="before=/tmp/jars/a/pulse.jar after=server/target/pulse.jar" RATE=20000 REPS=3 \
#     OUT=benchmarks/results/<date>-<name> benchmarks/run-e2e-builds.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILDS=${BUILDS:?"BUILDS holds name=path/to/pulse.jar pairs"}
RATE=${RATE:-20000}
REPS=${REPS:-3}
FLOOR=${FLOOR:-1}   # 0: no floor runs
# The floors run after the builds in each rep: floor, and when asked for the floor doing Pulse's
# state and journal work (run-e2e.sh): FLOORS="floor floor-sessions floor-journal".
FLOORS=${FLOORS:-floor}
OUT=${OUT:-$ROOT/benchmarks/results/e2e-builds-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
echo "builds=$BUILDS rate=$RATE reps=$REPS floor=$FLOOR floors=$FLOORS git=$(git -C "$ROOT" rev-parse --short HEAD)" > "$OUT/builds.env"

for rep in $(seq "$REPS"); do
    for build in $BUILDS; do
        name=${build%%=*} jar=${build#*=}
        [[ -f $jar ]] || { echo "run-e2e-builds: missing $jar" >&2; exit 2; }
        SERVERS=pulse PULSE_JAR=$jar RATES=$RATE REPS=1 REP_FROM=$rep OUT=$OUT/$name "$ROOT/benchmarks/run-e2e.sh"
    done
    if [[ $FLOOR == 1 ]]; then
        for floor in $FLOORS; do
            SERVERS=$floor RATES=$RATE REPS=1 REP_FROM=$rep OUT=$OUT/$floor "$ROOT/benchmarks/run-e2e.sh"
        done
    fi
done
python3 "$ROOT/benchmarks/compare-builds.py" "$OUT" | tee "$OUT/compare.md"
