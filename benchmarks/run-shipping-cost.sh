#!/usr/bin/env bash
# What shipping the journal to Kafka costs a node (issue 18, item 8): the end-to-end ladder at one
# rate, Pulse with shipping off and on (PULSE_KAFKA_BOOTSTRAP), the floor server beside each "off"
# run, alternated REPS times, with one local broker (scripts/cluster.sh kafka) running through all of
# them so both sides share the machine with it. During the "on" runs the server's Kafka lag
# (pulse_kafka_lag_seconds, pulse_kafka_lag_records) is sampled every second; the script prints
# its p50/p99/max per run. Everything else as benchmarks/run-e2e.sh (its variables pass through).
#
#   benchmarks/run-shipping-cost.sh            # RATE=20000 REPS=3 WARMUP=30s DURATION=30s
#
# Needs the package build (./mvnw -B -ntp -DskipTests package). Outputs in OUT (default
# benchmarks/results/e2e-shipping-<time>/{off,on}-<rep>/ and lag-<rep>.txt).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RATE=${RATE:-20000}
REPS=${REPS:-3}
export WARMUP=${WARMUP:-30s} DURATION=${DURATION:-30s} SESSIONS=${SESSIONS:-10000}
OUT=${OUT:-$ROOT/benchmarks/results/e2e-shipping-$(date -u +%Y%m%dT%H%M%SZ)}
PULSE_PORT=${PULSE_PORT:-8080}
work=$ROOT/target/shipping-cost
mkdir -p "$OUT"
rm -rf "$work"
"$ROOT/scripts/cluster.sh" kafka --work "$work"
trap '"$ROOT/scripts/cluster.sh" stop --work "$work" >/dev/null' EXIT
bootstrap=127.0.0.1:$(sed -n 's/^kafka=//p' "$work/ports")

# Samples the node's lag once a second, "<seconds> <records>" a line, until the file $1.stop appears.
sample_lag() {
  while [[ ! -f $1.stop ]]; do
    curl -s --max-time 1 "http://127.0.0.1:$PULSE_PORT/metrics" 2>/dev/null |
      awk '/^pulse_kafka_lag_seconds / {s = $2} /^pulse_kafka_lag_records / {r = $2} END {if (s != "") print s, r}' >>"$1" || true
    sleep 1
  done
}

# p50, p99, max of column $2 of file $1.
quantiles() {
  awk -v c="$2" 'NF >= c {print $c}' "$1" | sort -g |
    awk '{v[NR] = $1} END {if (NR == 0) {printf "no samples"; exit} p50 = int(NR * 0.5) + 1; p99 = int(NR * 0.99) + 1;
      if (p50 > NR) p50 = NR; if (p99 > NR) p99 = NR; printf "p50 %s p99 %s max %s (%d samples)", v[p50], v[p99], v[NR], NR}'
}

for rep in $(seq 1 "$REPS"); do
  OUT=$OUT/off-$rep RATES=$RATE REPS=1 SERVERS="pulse floor" "$ROOT/benchmarks/run-e2e.sh"
  lag=$OUT/lag-$rep.txt
  rm -f "$lag" "$lag.stop"
  sample_lag "$lag" &
  PULSE_KAFKA_BOOTSTRAP=$bootstrap PULSE_NODE_ID=bench OUT=$OUT/on-$rep RATES=$RATE REPS=1 SERVERS=pulse \
    "$ROOT/benchmarks/run-e2e.sh"
  touch "$lag.stop"
  wait
  echo "shipping-cost: rep $rep lag seconds $(quantiles "$lag" 1); lag records $(quantiles "$lag" 2)" | tee -a "$OUT/lag.txt"
done
echo "shipping-cost: outputs in $OUT (report.md of each run; lag.txt)"
