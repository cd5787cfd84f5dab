#!/usr/bin/env bash
# Counts, not times (issue 20): runs Pulse alone under the load generator with the JIT's compile
# log (-XX:+PrintCompilation), and snapshots every server thread's context switches, CPU and
# run-queue wait (/proc/PID/task/TID/status and schedstat) idle before the load, under load, and
# after; perf trace -s counts the journal thread's syscalls under load. Then
# jit-compiles.py counts the compiles per 10 s window and thread-wakes.py the wakes per thread.
#
#   benchmarks/diagnose-threads.sh            # PORT=18237 RATE=20000 WARMUP=30s DURATION=80s
#
# Needs the jars (./mvnw -B -ntp -pl server,loadtest -am package -DskipTests). EXTRA adds server
# JVM options (e.g. a JFR recording for deoptimisation reasons). Everything it starts is stopped
# on exit. The counts on a shared machine are for comparing builds run the same way, not timings.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$ROOT/benchmarks/results/threads-diag-$(date -u +%Y%m%dT%H%M%SZ)}
PORT=${PORT:-18237}
RATE=${RATE:-20000}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-80s}
PULSE_JAR=${PULSE_JAR:-$ROOT/server/target/pulse.jar}
LOADTEST_JAR=${LOADTEST_JAR:-$ROOT/loadtest/target/pulse-loadtest.jar}
EXTRA=${EXTRA:-}
mkdir -p "$OUT"

# tid comm voluntary involuntary ticks run_ns wait_ns slices, one line per thread of process $1
snapshot()
{
    local task tid comm v n ticks rt wt sl
    for task in /proc/"$1"/task/*; do
        tid=${task##*/}
        comm=$(cat "$task/comm" 2>/dev/null) || continue
        v=$(awk '$1 == "voluntary_ctxt_switches:" {print $2}' "$task/status" 2>/dev/null) || continue
        n=$(awk '$1 == "nonvoluntary_ctxt_switches:" {print $2}' "$task/status" 2>/dev/null) || continue
        ticks=$(cut -d')' -f2- "$task/stat" 2>/dev/null | awk '{print $12 + $13}') || continue
        read -r rt wt sl < "$task/schedstat" 2>/dev/null || continue
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tid" "$comm" "$v" "$n" "$ticks" "$rt" "$wt" "$sl"
    done
}
uptime_s() { jcmd "$1" VM.uptime 2>/dev/null | tail -1; }

SERVER_PID= GEN_PID=
cleanup()
{
    [[ -z $GEN_PID ]] || kill "$GEN_PID" 2>/dev/null || true
    [[ -z $SERVER_PID ]] || kill "$SERVER_PID" 2>/dev/null || true
}
trap cleanup EXIT
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "diagnose-threads: port $PORT is in use" >&2; exit 2; fi

# As run-e2e.sh starts Pulse, plus the compile log on stdout (server.log).
# shellcheck disable=SC2086 # EXTRA is words on purpose
PULSE_EXPECTED_SESSIONS=250000 PULSE_HANDSHAKES_PER_SECOND=0 PULSE_DRAIN_DELAY=0 PULSE_CLOSE_SPREAD=0 PULSE_EVENT_LOOP_THREADS=0 \
    java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -XX:+UseZGC $EXTRA -XX:+UnlockDiagnosticVMOptions -XX:+PrintCompilation \
    -jar "$PULSE_JAR" serve --bind 127.0.0.1 --port "$PORT" --data "$OUT/pulse-data" --catalog "$ROOT/loadtest/loadtest-catalog.yaml" \
    > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 300); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.2; done
echo "listening uptime=$(uptime_s "$SERVER_PID")" > "$OUT/times.txt"
sleep 10; snapshot "$SERVER_PID" > "$OUT/idle-before.tsv"; sleep 10; snapshot "$SERVER_PID" > "$OUT/idle-after.tsv"
JOURNAL_TID=$(awk -F'\t' '$2 == "pulse-journal" {print $1}' "$OUT/idle-before.tsv")
perf trace -s -t "$JOURNAL_TID" -o "$OUT/journal-syscalls-idle.txt" -- sleep 10 > /dev/null 2>&1 || echo "perf trace failed" >> "$OUT/times.txt"

java -Xms512m -Xmx512m -XX:+UseZGC -jar "$LOADTEST_JAR" --url "ws://127.0.0.1:$PORT/ws?site=loadtest" --sessions 10000 \
    --rate "$RATE" --warmup "$WARMUP" --duration "$DURATION" --mix browse=50,back_and_forth=50 --out "$OUT/gen" --source-addresses 64 \
    > "$OUT/generator.txt" 2>&1 &
GEN_PID=$!
for _ in $(seq 600); do grep -q 'sessions ready' "$OUT/generator.txt" 2>/dev/null && break; sleep 0.5; done
echo "sessions-ready uptime=$(uptime_s "$SERVER_PID")" >> "$OUT/times.txt"
sleep 40
snapshot "$SERVER_PID" > "$OUT/load-before.tsv"; echo "load-before uptime=$(uptime_s "$SERVER_PID")" >> "$OUT/times.txt"
sleep 20
snapshot "$SERVER_PID" > "$OUT/load-after.tsv"; echo "load-after uptime=$(uptime_s "$SERVER_PID")" >> "$OUT/times.txt"
perf trace -s -t "$JOURNAL_TID" -o "$OUT/journal-syscalls-load.txt" -- sleep 10 > /dev/null 2>&1 || echo "perf trace failed" >> "$OUT/times.txt"
jstack "$SERVER_PID" > "$OUT/jstack-load.txt" 2>&1 || true
wait "$GEN_PID" || true
GEN_PID=
echo "generator-done uptime=$(uptime_s "$SERVER_PID")" >> "$OUT/times.txt"
kill "$SERVER_PID"; wait "$SERVER_PID" || true
SERVER_PID=
rm -rf "$OUT/pulse-data"
{
    echo "# compiles (PrintCompilation) per 10 s of uptime"; python3 "$ROOT/benchmarks/jit-compiles.py" "$OUT/server.log"
    echo; echo "# threads idle (10 s before the load)"; python3 "$ROOT/benchmarks/thread-wakes.py" "$OUT/idle-before.tsv" "$OUT/idle-after.tsv"
    echo; echo "# threads under load (20 s, 40 s after the sessions were ready)"; python3 "$ROOT/benchmarks/thread-wakes.py" "$OUT/load-before.tsv" "$OUT/load-after.tsv"
} > "$OUT/summary.txt"
echo "diagnose-threads: $OUT/summary.txt"
