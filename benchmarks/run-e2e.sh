#!/usr/bin/env bash
# End-to-end benchmark: Pulse and the floor server (benchmarks' FloorServer), each in turn, under
# the load generator at a ladder of rates; then E2eReport writes the markdown report and the SVG
# chart. Builds nothing: it expects the jars (./mvnw -B -ntp -DskipTests package).
#
#   benchmarks/run-e2e.sh                      # the ladder (MODE=ladder)
#   MODE=connections benchmarks/run-e2e.sh     # idle connections: memory per 10,000
#
# Every setting is an environment variable; see benchmarks/README.md for the list. Only
# 127.0.0.0/8 is used. Servers started here are killed on exit, whatever happens.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODE=${MODE:-ladder}
RATES=${RATES:-"5000 10000 20000 30000"}
SESSIONS=${SESSIONS:-10000}
REPS=${REPS:-3}
REP_FROM=${REP_FROM:-1}   # the first rep's number: several calls can add reps to one OUT
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-60s}
MIX=${MIX:-"browse=50,back_and_forth=50"}
SERVERS=${SERVERS:-"pulse floor"}
PULSE_JAR=${PULSE_JAR:-$ROOT/server/target/pulse.jar}
BENCH_JAR=${BENCH_JAR:-$ROOT/benchmarks/target/pulse-benchmarks.jar}
LOADTEST_JAR=${LOADTEST_JAR:-$ROOT/loadtest/target/pulse-loadtest.jar}
CATALOG=${CATALOG:-$ROOT/loadtest/loadtest-catalog.yaml}
SITE=${SITE:-loadtest}
PULSE_PORT=${PULSE_PORT:-8080}
FLOOR_PORT=${FLOOR_PORT:-8090}
# Pulse reads PULSE_* from its environment and refuses names it does not know: this script's own
# settings stay out of the server's environment.
export -n PULSE_JAR PULSE_PORT
SERVER_LOOPS=${SERVER_LOOPS:-0}
# floor-sessions: the floor keeping every session in Pulse's own session map (FloorSessions), sized as
# Pulse's (PULSE_EXPECTED_SESSIONS), idle sessions ending after the load test catalog's session_expiry;
# floor-journal: that, and the sessions' records in Pulse's own journal, acks waiting for them (FloorJournal).
FLOOR_EXPIRY_S=${FLOOR_EXPIRY_S:-60}
# Chronicle Map's JVM flags, as every JVM that loads it takes them (the root pom's pulse.jvm.opens).
CHRONICLE_OPENS=$(sed -n 's:.*<pulse.jvm.opens>\(.*\)</pulse.jvm.opens>.*:\1:p' "$ROOT/pom.xml")
PULSE_EXPECTED_SESSIONS=${PULSE_EXPECTED_SESSIONS:-250000}
SERVER_JVM_OPTS=${SERVER_JVM_OPTS:-"-Xms512m -Xmx512m -XX:+AlwaysPreTouch"}
# ZGC for the generator too: G1's young pauses in it (9-13 ms measured here) would stop the schedule.
GENERATOR_JVM_OPTS=${GENERATOR_JVM_OPTS:-"-Xms512m -Xmx512m -XX:+UseZGC"}
LOADTEST_OPTS=${LOADTEST_OPTS:-""}
# Optional CPU pinning (taskset -c lists, e.g. SERVER_CPUS=1 GENERATOR_CPUS=0): keeps the generator's
# and the server's threads off each other's cores. Empty (the default): the scheduler decides.
SERVER_CPUS=${SERVER_CPUS:-""}
GENERATOR_CPUS=${GENERATOR_CPUS:-""}
# PROFILE=1: profile each server over its measured period (benchmarks/profile-window.sh: on-CPU
# samples, syscalls, context switches, per event) into RUN/profile/. It perturbs the run: profile
# runs are for finding where CPU goes, not for the ladder's figures. Add -XX:+PreserveFramePointer
# to SERVER_JVM_OPTS for whole Java stacks.
PROFILE=${PROFILE:-0}
# Pulse's /metrics is scraped every SCRAPE_S seconds through the warm-up and the measured period, as
# a Prometheus would (0: only the two scrapes around the measured period). One scrape alone, first
# seen at the start of the measured period, made C2 throw away and recompile ~85 methods of the
# event loops' path (Netty's handler contexts, writes, reads, which had only seen WebSocket frames)
# inside the measured period (after a 120 s warm-up, 1.7 us an event of JIT CPU that a deployment
# scraped from its start pays once, early; BENCHMARKS.md, issue 20, round 4).
SCRAPE_S=${SCRAPE_S:-10}
SERVER_PIN=()
GENERATOR_PIN=()
if [[ -n $SERVER_CPUS ]]; then SERVER_PIN=(taskset -c "$SERVER_CPUS"); fi
if [[ -n $GENERATOR_CPUS ]]; then GENERATOR_PIN=(taskset -c "$GENERATOR_CPUS"); fi
CONN_SESSIONS=${CONN_SESSIONS:-"10000"}
CONN_RATE=${CONN_RATE:-""}
# The heap pre-touched, so RSS growth is what lives outside it and the heap is measured after a full GC.
CONN_JVM_OPTS=${CONN_JVM_OPTS:-"-Xms512m -Xmx512m -XX:+AlwaysPreTouch"}
OUT=${OUT:-$ROOT/benchmarks/results/e2e-$MODE-$(date -u +%Y%m%dT%H%M%SZ)}
REPORT=${REPORT:-$OUT/report.md}

die() { echo "run-e2e: $*" >&2; exit 2; }
seconds() # 30s, 2m, 500ms, 1h -> whole seconds (at least 1)
{
    local v=$1
    case $v in
        *ms) echo $(( (${v%ms} + 999) / 1000 )) ;;
        *s) echo "${v%s}" ;;
        *m) echo $(( ${v%m} * 60 )) ;;
        *h) echo $(( ${v%h} * 3600 )) ;;
        *) die "not a duration: $v (use 500ms, 30s, 2m, 1h)" ;;
    esac
}

case $MODE in ladder|connections) ;; *) die "MODE is ladder or connections, not $MODE" ;; esac
for jar in "$BENCH_JAR" "$LOADTEST_JAR"; do [[ -f $jar ]] || die "missing $jar (build it first)"; done
for s in $SERVERS; do
    case $s in
        pulse) [[ -f $PULSE_JAR ]] || die "missing $PULSE_JAR"; [[ -f $CATALOG ]] || die "missing catalog $CATALOG" ;;
        floor|floor-sessions|floor-journal) ;;
        *) die "SERVERS holds pulse, floor, floor-sessions and/or floor-journal, not $s" ;;
    esac
done
WARMUP_S=$(seconds "$WARMUP")
DURATION_S=$(seconds "$DURATION")
CLK_TCK=$(getconf CLK_TCK)
mkdir -p "$OUT"

SERVER_PID=
cleanup()
{
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The machine and the commands, for the report.
{
    echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "mode=$MODE"
    echo "nproc=$(nproc)"
    echo "cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "mem_total=$(grep -m1 MemTotal /proc/meminfo | awk '{print $2 " kB"}')"
    echo "kernel=$(uname -r)"
    echo "java=$(java -version 2>&1 | head -n 2 | tr '\n' ' ')"
    echo "ulimit_hn=$(ulimit -Hn)"
    echo "git=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "rates=$RATES"
    echo "sessions=$SESSIONS"
    echo "reps=$REPS"
    echo "warmup=$WARMUP"
    echo "duration=$DURATION"
    echo "mix=$MIX"
    echo "servers=$SERVERS"
    echo "server_jvm_opts=$SERVER_JVM_OPTS"
    echo "server_loops=$SERVER_LOOPS"
    echo "generator_jvm_opts=$GENERATOR_JVM_OPTS"
    echo "loadtest_opts=$LOADTEST_OPTS"
    echo "server_cpus=$SERVER_CPUS"
    echo "generator_cpus=$GENERATOR_CPUS"
    echo "profile=$PROFILE"
    echo "scrape_s=$SCRAPE_S"
    echo "conn_sessions=$CONN_SESSIONS"
    echo "conn_jvm_opts=$CONN_JVM_OPTS -XX:NativeMemoryTracking=summary"
    echo "pulse_command=PULSE_EXPECTED_SESSIONS=$PULSE_EXPECTED_SESSIONS PULSE_HANDSHAKES_PER_SECOND=0 PULSE_DRAIN_DELAY=0 PULSE_CLOSE_SPREAD=0 PULSE_EVENT_LOOP_THREADS=$SERVER_LOOPS java $SERVER_JVM_OPTS -Xlog:gc*:file=RUN/gc.log -jar server/target/pulse.jar serve --bind 127.0.0.1 --port $PULSE_PORT --data RUN/pulse-data --catalog $(basename "$CATALOG")"
    echo "floor_command=java $SERVER_JVM_OPTS -Xlog:gc*:file=RUN/gc.log -cp benchmarks/target/pulse-benchmarks.jar dev.pulse.bench.floor.FloorServer --port $FLOOR_PORT --loops $SERVER_LOOPS"
    echo "floor_sessions_command=java $SERVER_JVM_OPTS CHRONICLE_OPENS -Xlog:gc*:file=RUN/gc.log -cp benchmarks/target/pulse-benchmarks.jar dev.pulse.bench.floor.FloorServer --port $FLOOR_PORT --loops $SERVER_LOOPS --sessions RUN/floor-data --expected-sessions $PULSE_EXPECTED_SESSIONS --expiry-s $FLOOR_EXPIRY_S"
    echo "floor_journal_command=(floor_sessions_command) --journal RUN/floor-data/journal"
    echo "generator_command=java $GENERATOR_JVM_OPTS -Xlog:gc*:file=RUN/gen-gc.log -jar loadtest/target/pulse-loadtest.jar --url ws://127.0.0.1:PORT/ws?site=$SITE --sessions $SESSIONS --rate RATE --warmup $WARMUP --duration $DURATION --mix $MIX --out RUN/gen $LOADTEST_OPTS"
} > "$OUT/machine.env"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime of the process, in clock ticks
# The whole machine's CPU ticks from /proc/stat: "total steal idle". Steal is time the hypervisor
# gave this machine's virtual CPUs to someone else while they had work: on a shared host it is
# what moves the tail most from run to run, so every run records it.
machine_ticks() { awk '$1 == "cpu" {t = 0; for (i = 2; i <= 9; i++) t += $i; print t, $9, $5; exit}' /proc/stat; }
# Summed over the server's Netty event-loop threads (named multiThreadIoEventLoopGroup-*, "multiThreadIoEv"
# in comm): "wait_ns slices" from /proc/PID/task/TID/schedstat, the time they spent runnable but
# waiting for a core, and how many times they got one. On a machine whose cores the generator and
# the server share, this is the queueing that a latency tail is made of.
loop_runqueue()
{
    local wait=0 slices=0 task comm w n
    for task in /proc/"$1"/task/*; do
        comm=$(cat "$task/comm" 2>/dev/null) || continue
        [[ $comm == multiThreadIoEv* ]] || continue
        read -r _ w n < "$task/schedstat" 2>/dev/null || continue
        wait=$(( wait + w )); slices=$(( slices + n ))
    done
    echo "$wait $slices"
}
# Every thread of process $1 as "comm<TAB>utime+stime ticks" (comm is the kernel's 15-character name).
thread_ticks()
{
    local task comm
    for task in /proc/"$1"/task/*; do
        comm=$(cat "$task/comm" 2>/dev/null) || continue
        awk -v c="$comm" '{sub(/^.*\) /, ""); printf "%s\t%d\n", c, $12 + $13}' "$task/stat" 2>/dev/null || true
    done
}
# The server's CPU over the measured period by kind of thread (a name's digits and its "-N" taken
# out, so the event loops, GC workers and Kafka's threads each add up), ticks high to low:
# where a difference in CPU per event is spent. Threads that ended in between count from 0.
thread_cpu() # BEFORE_FILE AFTER_FILE
{
    awk -F'\t' 'NR == FNR {before[$1] += $2; next} {after[$1] += $2}
        END {for (t in after) {k = t; gsub(/[-#]?[0-9]+/, "", k); d[k] += after[t] - before[t]}
             for (k in d) printf "%d\t%s\n", d[k], k}' "$1" "$2" | sort -rn
}
status_kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }

port_of() { [[ $1 == pulse ]] && echo "$PULSE_PORT" || echo "$FLOOR_PORT"; }

# start_server NAME RUN_DIR JVM_OPTS: starts it in the background, waits until it accepts.
start_server()
{
    local name=$1 run=$2 jvm=$3 port
    port=$(port_of "$name")
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        die "port $port is already in use: stop what listens there, or set PULSE_PORT/FLOOR_PORT"
    fi
    # shellcheck disable=SC2086 # the JVM options are words on purpose
    if [[ $name == pulse ]]; then
        # The generator's sessions leave once asked and new ones start (about one per 26 events),
        # and a left session stays resumable for the catalog's session_expiry (1 min): size the map
        # for that churn. The floor server has no handshake cap, so Pulse runs without one too.
        # No drain on the stop (drain_delay, close_spread): there is no balancer to wait for.
        PULSE_EXPECTED_SESSIONS=$PULSE_EXPECTED_SESSIONS PULSE_HANDSHAKES_PER_SECOND=0 PULSE_DRAIN_DELAY=0 PULSE_CLOSE_SPREAD=0 \
        PULSE_EVENT_LOOP_THREADS=$SERVER_LOOPS "${SERVER_PIN[@]}" java $jvm "-Xlog:gc*:file=$run/gc.log:uptime,level,tags" \
            -jar "$PULSE_JAR" serve --bind 127.0.0.1 --port "$port" --data "$run/pulse-data" --catalog "$CATALOG" \
            > "$run/server.log" 2>&1 &
    elif [[ $name == floor-sessions || $name == floor-journal ]]; then
        local journal=()
        [[ $name == floor-journal ]] && journal=(--journal "$run/floor-data/journal")
        "${SERVER_PIN[@]}" java $jvm $CHRONICLE_OPENS "-Xlog:gc*:file=$run/gc.log:uptime,level,tags" \
            -cp "$BENCH_JAR" dev.pulse.bench.floor.FloorServer --port "$port" --loops "$SERVER_LOOPS" \
            --sessions "$run/floor-data" --expected-sessions "$PULSE_EXPECTED_SESSIONS" --expiry-s "$FLOOR_EXPIRY_S" "${journal[@]}" \
            > "$run/server.log" 2>&1 &
    else
        "${SERVER_PIN[@]}" java $jvm "-Xlog:gc*:file=$run/gc.log:uptime,level,tags" \
            -cp "$BENCH_JAR" dev.pulse.bench.floor.FloorServer --port "$port" --loops "$SERVER_LOOPS" \
            > "$run/server.log" 2>&1 &
    fi
    SERVER_PID=$!
    for _ in $(seq 300); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$run/server.log" >&2; die "$name did not start (log above)"; }
        sleep 0.2
    done
    die "$name did not listen on $port within 60 s"
}

scrape_metrics() # NAME FILE: Pulse's /metrics (the floor has none)
{
    [[ $1 == pulse ]] || return 0
    curl -s --max-time 5 "http://127.0.0.1:$PULSE_PORT/metrics" > "$2" || echo "# scrape failed" > "$2"
}

scrape_every() # NAME SECONDS: waits SECONDS (to the millisecond), scraping Pulse's /metrics every SCRAPE_S seconds meanwhile
{
    local end_ms=$(( $(date +%s%3N) + $2 * 1000 )) left_ms
    while left_ms=$(( end_ms - $(date +%s%3N) )); (( left_ms > 0 )); do
        if (( SCRAPE_S > 0 )); then
            scrape_metrics "$1" /dev/null
            left_ms=$(( end_ms - $(date +%s%3N) ))
            (( left_ms > 0 )) || break
            (( left_ms < SCRAPE_S * 1000 )) || left_ms=$(( SCRAPE_S * 1000 ))
        fi
        sleep "$(( left_ms / 1000 )).$(printf '%03d' $(( left_ms % 1000 )))"
    done
}

# run_generator NAME RUN_DIR SESSIONS RATE: in the background; sets GEN_PID
run_generator()
{
    local name=$1 run=$2 sessions=$3 rate=$4 mix=${5:-$MIX}
    mkdir -p "$run/gen"
    # shellcheck disable=SC2086
    "${GENERATOR_PIN[@]}" java $GENERATOR_JVM_OPTS "-Xlog:gc*:file=$run/gen-gc.log:uptime,level,tags" -jar "$LOADTEST_JAR" --url "ws://127.0.0.1:$(port_of "$name")/ws?site=$SITE" \
        --sessions "$sessions" --rate "$rate" --warmup "$WARMUP" --duration "$DURATION" --mix "$mix" --out "$run/gen" \
        $LOADTEST_OPTS > "$run/generator.txt" 2>&1 &
    GEN_PID=$!
}

wait_ready() # RUN_DIR: until the generator has its sessions connected (its schedule starts then)
{
    for _ in $(seq 600); do
        grep -q 'sessions ready' "$1/generator.txt" 2>/dev/null && return 0
        # Gone before its schedule started: record why now (and stop on a usage error) rather than
        # sleeping through a warm-up and a measured period that will not come.
        kill -0 "$GEN_PID" 2>/dev/null || { wait_generator "$1"; return 0; }
        sleep 0.5
    done
    die "the generator did not get its sessions ready within 5 minutes ($1/generator.txt)"
}

wait_generator() # RUN_DIR: records the exit status (0 ok, 1 correctness failure, 2 usage, 3 unreachable)
{
    local status=0
    [[ -n $GEN_PID ]] || return 0   # already waited for
    wait "$GEN_PID" || status=$?
    GEN_PID=
    echo "$status" > "$1/generator.exit"
    [[ $status -eq 2 ]] && { cat "$1/generator.txt" >&2; die "the generator refused its arguments"; }
    return 0
}

ladder_run() # NAME RATE REP
{
    local name=$1 rate=$2 rep=$3 run before after machine_before machine_after
    local server_rq_before server_rq_after
    run="$OUT/runs/$name-r$rate-rep$rep"
    mkdir -p "$run"
    echo "== $name at $rate events/s, rep $rep ($run)"
    start_server "$name" "$run" "$SERVER_JVM_OPTS"
    run_generator "$name" "$run" "$SESSIONS" "$rate"
    # The server's CPU over the measured period only: from the end of the warm-up (which starts when
    # the sessions are ready) to the end of the measured period.
    wait_ready "$run"
    scrape_every "$name" "$WARMUP_S"
    scrape_metrics "$name" "$run/metrics-before.prom"
    before=$(cpu_ticks "$SERVER_PID")
    read -ra machine_before <<< "$(machine_ticks)"
    read -ra server_rq_before <<< "$(loop_runqueue "$SERVER_PID")"
    thread_ticks "$SERVER_PID" > "$run/thread-ticks-before.tsv"
    local profile_pid=
    if [[ $PROFILE == 1 ]]; then
        "$ROOT/benchmarks/profile-window.sh" "$SERVER_PID" "$run/profile" "$DURATION_S" "$rate" > "$run/profile.log" 2>&1 &
        profile_pid=$!
    fi
    scrape_every "$name" "$DURATION_S"
    after=$(cpu_ticks "$SERVER_PID")
    thread_ticks "$SERVER_PID" > "$run/thread-ticks-after.tsv"
    read -ra machine_after <<< "$(machine_ticks)"
    read -ra server_rq_after <<< "$(loop_runqueue "$SERVER_PID")"
    {
        echo "server=$name"; echo "rate=$rate"; echo "rep=$rep"; echo "sessions=$SESSIONS"
        echo "clk_tck=$CLK_TCK"; echo "cpu_ticks_before=$before"; echo "cpu_ticks_after=$after"
        echo "measured_s=$DURATION_S"
        echo "machine_ticks=$(( machine_after[0] - machine_before[0] ))"
        echo "machine_steal_ticks=$(( machine_after[1] - machine_before[1] ))"
        echo "machine_idle_ticks=$(( machine_after[2] - machine_before[2] ))"
        echo "server_loops_runqueue_ns=$(( server_rq_after[0] - server_rq_before[0] ))"
        echo "server_loops_slices=$(( server_rq_after[1] - server_rq_before[1] ))"
        echo "rss_kb=$(status_kb "$SERVER_PID" VmRSS)"; echo "hwm_kb=$(status_kb "$SERVER_PID" VmHWM)"
        echo "threads=$(status_kb "$SERVER_PID" Threads)"
    } > "$run/run.env"
    thread_cpu "$run/thread-ticks-before.tsv" "$run/thread-ticks-after.tsv" > "$run/thread-cpu.tsv"
    scrape_metrics "$name" "$run/metrics-after.prom"
    [[ -z $profile_pid ]] || wait "$profile_pid" || echo "   profile-window failed ($run/profile.log)"
    wait_generator "$run"
    echo "   generator exit $(cat "$run/generator.exit"); $(grep -m1 '^question' "$run/generator.txt" || echo 'no question line')"
    cleanup
    [[ ${KEEP_DATA:-0} == 1 ]] || rm -rf "$run/pulse-data" "$run/floor-data"
}

# Memory of one server holding N connections with light traffic, against the same server idle.
heap_used_kb() # after a full GC, from jcmd GC.heap_info ("used NNNK" of the whole heap)
{
    jcmd "$1" GC.run > /dev/null 2>&1 || true
    jcmd "$1" GC.heap_info 2>/dev/null | grep -m1 -oE 'used [0-9]+K' | grep -oE '[0-9]+' || echo 0
}
nmt_kb() # committed KB of one NMT category (Other: direct buffers, Netty's pool) or Total
{
    jcmd "$1" VM.native_memory summary 2>/dev/null | awk -v c="$2" '
        (c == "Total" && $1 == "Total:") || $0 ~ ("^-[ ]+" c " [(]") {
            match($0, /committed=[0-9]+KB/); print substr($0, RSTART + 10, RLENGTH - 12); exit }'
}
memory_sample() # PID PREFIX
{
    echo "$2_heap_used_kb=$(heap_used_kb "$1")"
    echo "$2_rss_kb=$(status_kb "$1" VmRSS)"
    echo "$2_rss_anon_kb=$(status_kb "$1" RssAnon)"
    echo "$2_rss_file_kb=$(status_kb "$1" RssFile)"
    echo "$2_nmt_total_kb=$(nmt_kb "$1" Total)"
    echo "$2_nmt_other_kb=$(nmt_kb "$1" Other)"
}

fd_count() { find "/proc/$1/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }
FD_SLACK=${FD_SLACK:-20}
FDS_NOT_RETURNED=""

connections_run() # NAME N
{
    local name=$1 n=$2 rate run
    # Light traffic: ordinary browsing only (no journey window to keep), one event per session
    # every 10 s by default.
    rate=${CONN_RATE:-$(( (n + 9) / 10 ))}
    run="$OUT/conn/$name-n$n"
    mkdir -p "$run"
    echo "== $name holding $n connections at $rate events/s ($run)"
    start_server "$name" "$run" "$CONN_JVM_OPTS -XX:NativeMemoryTracking=summary"
    sleep 2
    local fds_idle
    fds_idle=$(fd_count "$SERVER_PID")
    {
        echo "server=$name"; echo "connections=$n"; echo "rate=$rate"
        echo "fds_idle=$fds_idle"
        memory_sample "$SERVER_PID" idle
    } > "$run/conn.env"
    run_generator "$name" "$run" "$n" "$rate" browse=1
    wait_ready "$run"
    sleep $(( WARMUP_S + DURATION_S / 2 ))
    {
        echo "open_sockets=$(find "/proc/$SERVER_PID/fd" -lname 'socket:*' 2>/dev/null | wc -l)"
        echo "fds_held=$(fd_count "$SERVER_PID")"
        memory_sample "$SERVER_PID" held
    } >> "$run/conn.env"
    scrape_metrics "$name" "$run/metrics.prom"
    wait_generator "$run"
    # Every connection is closed now (the generator has exited): the server's open files must come
    # back to what it held idle (within FD_SLACK: a log file, a journal segment roll), within 60 s.
    local fds_after deadline=$((SECONDS + 60))
    while :; do
        fds_after=$(fd_count "$SERVER_PID")
        (( fds_after <= fds_idle + FD_SLACK || SECONDS >= deadline )) && break
        sleep 1
    done
    {
        echo "fds_after_close=$fds_after"
        echo "fds_returned=$(( fds_after <= fds_idle + FD_SLACK ? 1 : 0 ))"
    } >> "$run/conn.env"
    (( fds_after <= fds_idle + FD_SLACK )) || FDS_NOT_RETURNED="$FDS_NOT_RETURNED $name-n$n"
    echo "   generator exit $(cat "$run/generator.exit"); $(grep -E '^(held|idle)_rss_kb|open_sockets|^fds_' "$run/conn.env" | tr '\n' ' ')"
    cleanup
    [[ ${KEEP_DATA:-0} == 1 ]] || rm -rf "$run/pulse-data" "$run/floor-data"
}

if [[ $MODE == ladder ]]; then
    for rep in $(seq "$REP_FROM" $(( REP_FROM + REPS - 1 ))); do
        for rate in $RATES; do
            for name in $SERVERS; do ladder_run "$name" "$rate" "$rep"; done
        done
    done
else
    for n in $CONN_SESSIONS; do
        for name in $SERVERS; do connections_run "$name" "$n"; done
    done
fi

java -cp "$BENCH_JAR" dev.pulse.bench.e2e.E2eReport "$OUT" "$REPORT"
echo "report: $REPORT"
if [[ -n $FDS_NOT_RETURNED ]]; then
    echo "run-e2e: open files did not come back to the idle baseline after the connections closed:$FDS_NOT_RETURNED" >&2
    exit 1
fi
