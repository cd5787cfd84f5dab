#!/usr/bin/env bash
# The ingest benchmark (issue 19): signed backend events (POST /v1/sites/{site}/events) at RATE a
# second to SESSIONS live WebSocket sessions, WARMUP_S then DURATION_S seconds, and the server's CPU
# over the measured part. Goal: 50 ms p99 at 1,000 requests/s, request to question.
#
#   MODE=question (the default): benchmarks/ingest/ingest-catalog.yaml asks a question on every
#     `payment_declined`. Each event goes to a session ready for one; the client times it from the
#     request's intended start to the question read on that session's socket (and to its 202),
#     answers, and a session retires after its eighth question (the catalog's cap) for a fresh one.
#     Every measured event without a question is counted by its reason (`no_question`).
#   MODE=applied: the load test's catalog (no trigger on backend events): each event to a session
#     ready for one, which is ready again at its 202; the time to `202 applied` only, as the first
#     runs of this benchmark (2026-12-07-ingest*) measured.
#
# Builds nothing but its client (javac, against the jar): it expects server/target/pulse.jar
# (./mvnw -B -ntp -pl server -am package -DskipTests). The server started here is killed on exit.
#
#   benchmarks/run-ingest.sh                          # 1,000/s for 30 s after a 30 s warm-up
#   RATE=200 WARMUP_S=5 DURATION_S=10 benchmarks/run-ingest.sh
#   MODE=applied benchmarks/run-ingest.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODE=${MODE:-question}
RATE=${RATE:-1000}
SESSIONS=${SESSIONS:-500}
WARMUP_S=${WARMUP_S:-30}
DURATION_S=${DURATION_S:-30}
PULSE_JAR=${PULSE_JAR:-$ROOT/server/target/pulse.jar}
export -n PULSE_JAR   # Pulse refuses PULSE_* names it does not know in its environment
case $MODE in
    question) CATALOG=${CATALOG:-$ROOT/benchmarks/ingest/ingest-catalog.yaml}; SITE=${SITE:-ingest} ;;
    applied) CATALOG=${CATALOG:-$ROOT/loadtest/loadtest-catalog.yaml}; SITE=${SITE:-loadtest} ;;
    *) echo "run-ingest: MODE is question or applied" >&2; exit 2 ;;
esac
QUESTIONS_PER_SESSION=${QUESTIONS_PER_SESSION:-8}
# Sessions parked after they roll stay for the catalog's session expiry (1 minute): room for all of a run's.
EXPECTED_SESSIONS=$(( SESSIONS + RATE * (WARMUP_S + DURATION_S) / QUESTIONS_PER_SESSION + 1000 ))
if (( EXPECTED_SESSIONS < 10000 )); then EXPECTED_SESSIONS=10000; fi
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
javac -nowarn -d "$WORK/client" -cp "$PULSE_JAR" "$ROOT"/benchmarks/src/main/java/dev/pulse/bench/ingest/*.java
SERVER_PID=
cleanup() { if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

# shellcheck disable=SC2086
java $SERVER_JVM_OPTS -jar "$PULSE_JAR" serve --bind 127.0.0.1 --port "$PORT" --data-dir "$WORK/data" --catalog-file "$CATALOG" \
    --ingest-keys-file "$WORK/ingest.keys" --ingest-rate-per-key $((RATE * 2)) --expected-sessions "$EXPECTED_SESSIONS" \
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
    echo "settings: MODE=$MODE RATE=$RATE SESSIONS=$SESSIONS WARMUP_S=$WARMUP_S DURATION_S=$DURATION_S QUESTIONS_PER_SESSION=$QUESTIONS_PER_SESSION catalog=$(basename "$CATALOG") expected_sessions=$EXPECTED_SESSIONS"
} > "$OUT/environment.txt"

# shellcheck disable=SC2086
MODE=$MODE PORT=$PORT SITE=$SITE KEY_ID=bench SECRET=$SECRET SESSIONS=$SESSIONS RATE=$RATE WARMUP_S=$WARMUP_S DURATION_S=$DURATION_S \
    QUESTIONS_PER_SESSION=$QUESTIONS_PER_SESSION SERVER_PID=$SERVER_PID \
    java $CLIENT_JVM_OPTS -cp "$PULSE_JAR:$WORK/client" dev.pulse.bench.ingest.IngestLoad | tee "$OUT/summary.json"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/environment.txt"
curl -fs "http://127.0.0.1:$PORT/metrics" | grep -E '^pulse_ingest_|^pulse_events_total\{type="backend"\}|^pulse_signals_total\{detector="backend_event"|^pulse_questions_' > "$OUT/metrics.txt" || true
echo "run-ingest: results in $OUT"
