#!/usr/bin/env bash
# The ingest benchmark (issue 19): signed backend events (POST /v1/sites/{site}/events) at RATE a
# second to SESSIONS live WebSocket sessions, WARMUP_S then DURATION_S seconds; the time from each
# request's intended start to its 202 "applied" (the event applied on the session's loop, and what
# it decided flushed to the session's socket) and, with a backend_event trigger in the catalog, to the
# question on the socket (p50/p99/max), and the server's CPU over the measured part. Goal: 50 ms p99
# at 1,000 requests/s. Builds nothing: it expects server/target/pulse.jar
# (./mvnw -B -ntp -pl server -am package -DskipTests). The server started here is killed on exit.
#
#   benchmarks/run-ingest.sh                          # 1,000/s for 30 s after a 30 s warm-up
#   RATE=2000 SESSIONS=1000 benchmarks/run-ingest.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RATE=${RATE:-1000}
SESSIONS=${SESSIONS:-500}
WARMUP_S=${WARMUP_S:-30}
DURATION_S=${DURATION_S:-30}
PULSE_JAR=${PULSE_JAR:-$ROOT/server/target/pulse.jar}
CATALOG=${CATALOG:-$ROOT/loadtest/loadtest-catalog.yaml}
SITE=${SITE:-loadtest}
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
SERVER_JVM_OPTS=${SERVER_JVM_OPTS:-"-Xms512m -Xmx512m -XX:+AlwaysPreTouch"}
CLIENT_JVM_OPTS=${CLIENT_JVM_OPTS:-"-Xms256m -Xmx256m"}
OUT=${OUT:-$ROOT/benchmarks/results/ingest-$(date -u +%Y%m%dT%H%M%SZ)}

[[ -f $PULSE_JAR ]] || { echo "run-ingest: no $PULSE_JAR (build it first)" >&2; exit 2; }
mkdir -p "$OUT"
ulimit -n 65536 2>/dev/null || true
WORK=$(mktemp -d)
SECRET=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s bench %s\n' "$SITE" "$SECRET" > "$WORK/ingest.keys"
SERVER_PID=
cleanup() { if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

# shellcheck disable=SC2086
java $SERVER_JVM_OPTS -jar "$PULSE_JAR" serve --bind 127.0.0.1 --port "$PORT" --data-dir "$WORK/data" --catalog-file "$CATALOG" \
    --ingest-keys-file "$WORK/ingest.keys" --ingest-rate-per-key $((RATE * 2)) --expected-sessions 10000 \
    --max-connections-per-address 0 \
    > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "run-ingest: the server did not start (see $OUT/server.log)" >&2; exit 1; }

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "settings: RATE=$RATE SESSIONS=$SESSIONS WARMUP_S=$WARMUP_S DURATION_S=$DURATION_S catalog=$(basename "$CATALOG")"
} > "$OUT/environment.txt"

# shellcheck disable=SC2086
PORT=$PORT SITE=$SITE KEY_ID=bench SECRET=$SECRET SESSIONS=$SESSIONS RATE=$RATE WARMUP_S=$WARMUP_S DURATION_S=$DURATION_S \
    SERVER_PID=$SERVER_PID java $CLIENT_JVM_OPTS -cp "$PULSE_JAR" "$ROOT/benchmarks/ingest/IngestLoad.java" | tee "$OUT/summary.json"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/environment.txt"
curl -fs "http://127.0.0.1:$PORT/metrics" | grep -E '^pulse_ingest_|^pulse_events_total\{type="backend"\}' > "$OUT/metrics.txt" || true
echo "run-ingest: results in $OUT"
