#!/usr/bin/env bash
# Soak: the server jar under the load generator for MINUTES at RATE events/s over SESSIONS
# sessions, sampling the server's RSS, heap used and open files every SAMPLE_S seconds into a CSV.
# At the end it prints first/last/max of each and whether memory and open files stayed flat
# (after the warm-up: the last third's peak within FLAT_PCT percent of the first third's peak).
# Everything it started is killed on exit.
#
#   MINUTES=30 RATE=10000 SESSIONS=10000 scripts/soak.sh
#
# SERVER_JVM_OPTS (default: the README's launch line, ZGC and a fixed 512 MiB heap) go to the server.
#
# Needs server/target/pulse.jar and loadtest/target/pulse-loadtest.jar
# (./mvnw -B -ntp -DskipTests package). Exit status: 0 flat and the generator reported no
# correctness failure; 1 otherwise; 2 a jar or the catalog is missing; 3 the server did not start.
set -euo pipefail

MINUTES=${MINUTES:-30}
RATE=${RATE:-10000}
SESSIONS=${SESSIONS:-10000}
SAMPLE_S=${SAMPLE_S:-10}
WARMUP_S=${WARMUP_S:-30}
FLAT_PCT=${FLAT_PCT:-10}
PORT=${PORT:-0}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVER_JAR=${SERVER_JAR:-$ROOT/server/target/pulse.jar}
LOADTEST_JAR=${LOADTEST_JAR:-$ROOT/loadtest/target/pulse-loadtest.jar}
CATALOG=${CATALOG:-$ROOT/loadtest/loadtest-catalog.yaml}
OUT=${OUT:-$ROOT/target/soak-$(date -u +%Y%m%dT%H%M%SZ)}
# The README's recommended launch line: a fixed heap, so growth shows as growth, not as sizing.
SERVER_JVM_OPTS=${SERVER_JVM_OPTS:-"-XX:+UseZGC -Xms512m -Xmx512m -XX:+AlwaysPreTouch"}

for file in "$SERVER_JAR" "$LOADTEST_JAR" "$CATALOG"; do
  if [[ ! -f $file ]]; then
    echo "soak: missing $file (build with ./mvnw -B -ntp -DskipTests package)" >&2
    exit 2
  fi
done

mkdir -p "$OUT"
CSV=$OUT/samples.csv
server_pid=
loadtest_pid=

# Whether a process runs (a zombie, exited but not yet waited for, does not).
alive() {
  [[ -r /proc/$1/status ]] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

# The generator is killed, the server stopped with SIGTERM (then SIGKILL after 20 s).
cleanup() {
  if [[ -n $loadtest_pid ]] && alive "$loadtest_pid"; then
    kill -9 "$loadtest_pid" 2>/dev/null || true
  fi
  if [[ -n $server_pid ]] && alive "$server_pid"; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
      alive "$server_pid" || return 0
      sleep 0.5
    done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Both processes hold one socket per session; take the hard limit.
ulimit -n "$(ulimit -Hn)"

# No drain on the stop (drain_delay, close_spread): there is no balancer to wait for.
# shellcheck disable=SC2086 # the JVM options are words on purpose
PULSE_DRAIN_DELAY=0 PULSE_CLOSE_SPREAD=0 java $SERVER_JVM_OPTS -jar "$SERVER_JAR" serve --bind 127.0.0.1 --port "$PORT" --data "$OUT/data" --catalog "$CATALOG" \
  >"$OUT/server.log" 2>&1 &
server_pid=$!

# Wait for the server's own "listening" line (with port 0 it names the port it took), then readiness:
# a readiness probe alone could be answered by another server on the same port.
for _ in $(seq 1 120); do
  listening=$(sed -n 's|^Pulse listening on http://[^:]*:\([0-9]*\)/.*|\1|p' "$OUT/server.log" | head -n 1)
  if [[ -n $listening ]]; then
    PORT=$listening
    break
  fi
  if ! alive "$server_pid"; then
    echo "soak: the server exited; see $OUT/server.log" >&2
    exit 3
  fi
  sleep 0.5
done
if [[ -z ${listening:-} ]] || ! curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then
  echo "soak: the server is not listening and ready after 60 s; see $OUT/server.log" >&2
  exit 3
fi

java -jar "$LOADTEST_JAR" --url "ws://127.0.0.1:$PORT/ws?site=loadtest" --sessions "$SESSIONS" --rate "$RATE" \
  --warmup "${WARMUP_S}s" --duration "$((MINUTES * 60))s" --out "$OUT/loadtest" --reconnect \
  >"$OUT/loadtest.log" 2>&1 &
loadtest_pid=$!
echo "soak: server pid $server_pid, generator pid $loadtest_pid, $SESSIONS sessions at $RATE events/s for $MINUTES min (+${WARMUP_S}s warm-up); samples in $CSV"

# Heap used in KiB from jstat -gc (survivors, eden, old): the server has no heap metric of its own.
heap_kib() {
  jstat -gc "$server_pid" 2>/dev/null | awk 'NR == 2 { printf "%d", $3 + $4 + $6 + $8 }'
}

metric() {
  curl -fsS "http://127.0.0.1:$PORT/metrics" 2>/dev/null | awk -v name="$1" '$1 == name { printf "%d", $2 }'
}

echo "elapsed_s,rss_kib,heap_used_kib,open_files,connections_open" >"$CSV"
start=$(date +%s)
while alive "$loadtest_pid"; do
  if ! alive "$server_pid"; then
    echo "soak: the server died; see $OUT/server.log" >&2
    exit 1
  fi
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status")
  files=$(find "/proc/$server_pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  echo "$(($(date +%s) - start)),$rss,$(heap_kib),$files,$(metric pulse_connections_open)" >>"$CSV"
  sleep "$SAMPLE_S"
done

set +e
wait "$loadtest_pid"
loadtest_status=$?
set -e
loadtest_pid=

tail -n 12 "$OUT/loadtest.log"
echo
# first/last/max per column, and flatness: after the warm-up, the last third's peak against the first third's.
awk -F, -v warmup="$WARMUP_S" -v pct="$FLAT_PCT" '
  NR == 1 { for (i = 2; i <= NF; i++) name[i] = $i; next }
  {
    rows++
    for (i = 2; i <= NF; i++) {
      if (rows == 1) first[i] = $i
      last[i] = $i
      if ($i > max[i]) max[i] = $i
    }
    if ($1 >= warmup) { n++; t[n] = $1; for (i = 2; i <= 4; i++) v[n, i] = $i }
  }
  END {
    printf "%-18s %12s %12s %12s\n", "measure", "first", "last", "max"
    for (i = 2; i <= 5; i++) printf "%-18s %12s %12s %12s\n", name[i], first[i], last[i], max[i]
    if (n < 6) { print "flat: not enough samples after the warm-up to judge"; exit 1 }
    verdict = 0
    for (i = 2; i <= 4; i++) {
      early = 0; late = 0
      for (k = 1; k <= int(n / 3); k++) if (v[k, i] > early) early = v[k, i]
      for (k = n - int(n / 3) + 1; k <= n; k++) if (v[k, i] > late) late = v[k, i]
      flat = late <= early * (1 + pct / 100)
      printf "%-18s first third peak %d, last third peak %d: %s\n", name[i], early, late, flat ? "flat" : "GREW"
      if (!flat) verdict = 1
    }
    exit verdict
  }' "$CSV" && flat=0 || flat=1

echo "generator exit status $loadtest_status; memory and open files $([[ $flat == 0 ]] && echo flat || echo NOT flat); results in $OUT"
if [[ $loadtest_status != 0 || $flat != 0 ]]; then
  exit 1
fi
